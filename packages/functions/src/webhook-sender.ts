import { ChangeMessageVisibilityCommand } from "@aws-sdk/client-sqs";
import { withActor } from "@hangar/core/actor";
import { Config } from "@hangar/core/config";
import { sqsClient } from "@hangar/core/util/aws";
import { log } from "@hangar/core/util/log";
import * as Sender from "@hangar/core/webhook/deliver";
import * as Webhook from "@hangar/core/webhook/index";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import { processBatch } from "./batch";
import { lambda } from "./lambda";
import { registerProviderFacts } from "./providers/facts";

registerProviderFacts();

export const handler = lambda((event: SQSEvent) =>
  withActor({ type: "system" }, () =>
    processBatch(event, handle, { expected: (error) => error instanceof Sender.DeliveryFailed }),
  ),
);

async function handle(record: SQSRecord) {
  const job = Webhook.WebhookJob.parse(JSON.parse(record.body));
  if (job.type === "webhook.fanout") {
    const { id: eventId, tenantId, deploymentId } = job.event;
    await log.withKeys({ eventId, tenantId, deploymentId }, () => Webhook.fanout(job.event));
    return;
  }
  await log.withKeys({ subscriptionId: job.subscriptionId, eventId: job.deliveryId }, () =>
    deliver(job, record),
  );
}

async function deliver(job: { subscriptionId: string; deliveryId: string }, record: SQSRecord) {
  try {
    await Sender.deliver(job, Number(record.attributes.ApproximateReceiveCount));
  } catch (error) {
    // Backoff rides on the message itself: hidden until the next attempt, and parked in the
    // DLQ by SQS once its receive count passes maxReceiveCount.
    if (error instanceof Sender.DeliveryFailed) await hide(record, error.retryInSeconds);
    throw error;
  }
}

async function hide(record: SQSRecord, seconds: number) {
  await sqsClient().send(
    new ChangeMessageVisibilityCommand({
      QueueUrl: Config.webhooksQueueUrl(),
      ReceiptHandle: record.receiptHandle,
      VisibilityTimeout: seconds,
    }),
  );
}
