import { ChangeMessageVisibilityCommand } from "@aws-sdk/client-sqs";
import { withActor } from "@hangar/core/actor";
import { Config } from "@hangar/core/config";
import { sqsClient } from "@hangar/core/util/aws";
import * as Webhook from "@hangar/core/webhook/index";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import { processBatch } from "./batch";
import { registerProviderFacts } from "./providers/facts";

registerProviderFacts();

export const handler = (event: SQSEvent) =>
  withActor({ type: "system" }, () =>
    processBatch(event, handle, { expected: (error) => error instanceof Webhook.DeliveryFailed }),
  );

async function handle(record: SQSRecord) {
  const job = Webhook.SenderJob.parse(JSON.parse(record.body));
  if (job.type === "webhook.fanout") {
    await Webhook.fanoutStateEvent(job);
    return;
  }
  if (job.type === "webhook.notice") {
    await Webhook.fanoutNotice(job);
    return;
  }
  try {
    await Webhook.deliver(job, Number(record.attributes.ApproximateReceiveCount));
  } catch (error) {
    // Backoff rides on the message itself: hidden until the next attempt, and parked in the
    // DLQ by SQS once its receive count passes maxReceiveCount.
    if (error instanceof Webhook.DeliveryFailed) await hide(record, error.retryInSeconds);
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
