import { SendMessageCommand } from "@aws-sdk/client-sqs";
import * as z from "zod";
import { Config } from "../config";
import { sqsClient } from "../util/aws";
import { Outgoing } from "./outgoing";

/**
 * Everything the webhooks queue carries: fan an event out to the tenant's subscriptions (the
 * event rides in the message, so the sender never reads another domain's rows), then deliver
 * each.
 */
export const WebhookJob = z.discriminatedUnion("type", [
  z.object({ type: z.literal("webhook.fanout"), event: Outgoing }),
  z.object({ type: z.literal("webhook.deliver"), subscriptionId: z.string(), deliveryId: z.string() }),
]);
export type WebhookJob = z.infer<typeof WebhookJob>;

export async function enqueue(job: WebhookJob) {
  await sqsClient().send(
    new SendMessageCommand({
      QueueUrl: Config.webhooksQueueUrl(),
      MessageBody: JSON.stringify(WebhookJob.parse(job)),
    }),
  );
}
