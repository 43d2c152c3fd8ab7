import { SendMessageCommand } from "@aws-sdk/client-sqs";
import * as z from "zod";
import { Config } from "../config";
import { WebhookJob } from "../queue/jobs";
import { sqsClient } from "../util/aws";

/** Fans a notice (an event that is not a state change) out to subscriptions. */
export const NoticeFanout = z.object({ type: z.literal("webhook.notice"), eventId: z.string() });

/** Everything the webhooks queue carries. */
export const SenderJob = z.discriminatedUnion("type", [...WebhookJob.options, NoticeFanout]);
export type SenderJob = z.infer<typeof SenderJob>;

export async function enqueueSenderJob(job: SenderJob) {
  await sqsClient().send(
    new SendMessageCommand({
      QueueUrl: Config.webhooksQueueUrl(),
      MessageBody: JSON.stringify(SenderJob.parse(job)),
    }),
  );
}
