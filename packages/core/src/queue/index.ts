import { SendMessageBatchCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import { Config } from "../config";
import { sqsClient } from "../util/aws";
import { Job } from "./jobs";

export { Job } from "./jobs";

/** SQS caps a message delay at 15 minutes. */
const MAX_DELAY_SECONDS = 900;

function delay(seconds: number | undefined) {
  return seconds === undefined ? undefined : Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.round(seconds)));
}

export async function enqueueJob(job: Job, options: { delaySeconds?: number } = {}) {
  await sqsClient().send(
    new SendMessageCommand({
      QueueUrl: Config.jobsQueueUrl(),
      MessageBody: JSON.stringify(Job.parse(job)),
      DelaySeconds: delay(options.delaySeconds),
    }),
  );
}

/** Sends in batches of ten (the SQS limit); throws if any entry failed, naming how many. */
export async function enqueueJobs(jobs: Job[]) {
  for (let i = 0; i < jobs.length; i += 10) {
    const batch = jobs.slice(i, i + 10);
    const result = await sqsClient().send(
      new SendMessageBatchCommand({
        QueueUrl: Config.jobsQueueUrl(),
        Entries: batch.map((job, n) => ({ Id: String(n), MessageBody: JSON.stringify(Job.parse(job)) })),
      }),
    );
    if (result.Failed?.length)
      throw new Error(`${result.Failed.length} of ${batch.length} jobs were not enqueued`);
  }
}
