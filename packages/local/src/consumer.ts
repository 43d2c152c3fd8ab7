import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from "@aws-sdk/client-sqs";
import { log } from "@hangar/core/util/log";
import type { SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { queueArnFromUrl, toEvent } from "./sqs-event";

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse>;

export interface QueueConsumerOptions {
  client: SQSClient;
  queueUrl: string;
  region: string;
  handler: SqsHandler;
  /** Records per invocation, as the event source mapping's BatchSize (SQS caps it at 10). */
  batchSize?: number;
  /** Invocations that may run at once. */
  concurrency?: number;
  /** Long-poll wait; stop() aborts a poll in progress, so this doesn't delay shutdown. */
  waitTimeSeconds?: number;
}

export interface QueueConsumer {
  /** Stops polling and waits for the invocations in flight to finish and be acknowledged. */
  stop(): Promise<void>;
}

/**
 * Polls a queue the way Lambda's SQS event source mapping does, with ReportBatchItemFailures on:
 * records the handler doesn't list as failed are deleted; failed ones stay and reappear after
 * the visibility timeout, until the redrive policy moves them to the DLQ.
 */
export function startQueueConsumer(options: QueueConsumerOptions): QueueConsumer {
  const arn = queueArnFromUrl(options.queueUrl, options.region);
  const abort = new AbortController();
  const pollers = Array.from({ length: options.concurrency ?? 2 }, () => poll(options, arn, abort.signal));
  return {
    async stop() {
      abort.abort();
      await Promise.all(pollers);
    },
  };
}

async function poll(options: QueueConsumerOptions, arn: string, signal: AbortSignal) {
  while (!signal.aborted) {
    let messages: Awaited<ReturnType<typeof receive>>;
    try {
      messages = await receive(options, signal);
    } catch (error) {
      if (signal.aborted) return;
      log.error("local consumer: receive failed", { queue: arn, error });
      await new Promise((done) => setTimeout(done, 1000));
      continue;
    }
    if (messages.length === 0) continue;
    const event = toEvent(messages, arn, options.region);
    const failed = await invoke(options.handler, event, arn);
    const done = event.Records.filter((record) => !failed.has(record.messageId));
    await acknowledge(options, done, arn);
  }
}

async function receive(options: QueueConsumerOptions, signal: AbortSignal) {
  const result = await options.client.send(
    new ReceiveMessageCommand({
      QueueUrl: options.queueUrl,
      MaxNumberOfMessages: Math.min(options.batchSize ?? 10, 10),
      WaitTimeSeconds: options.waitTimeSeconds ?? 20,
      MessageSystemAttributeNames: ["All"],
      MessageAttributeNames: ["All"],
    }),
    { abortSignal: signal },
  );
  return result.Messages ?? [];
}

/** The ids of failed records. A throw, or a failure id not in the batch, fails the whole batch, as on Lambda. */
async function invoke(handler: SqsHandler, event: SQSEvent, arn: string): Promise<Set<string>> {
  const all = new Set(event.Records.map((record) => record.messageId));
  try {
    const response = await handler(event);
    const failures = response?.batchItemFailures ?? [];
    const ids = new Set(failures.map((failure) => failure.itemIdentifier));
    for (const id of ids) if (!all.has(id)) return all;
    return ids;
  } catch (error) {
    log.error("local consumer: handler threw, the whole batch will be retried", { queue: arn, error });
    return all;
  }
}

async function acknowledge(options: QueueConsumerOptions, records: SQSRecord[], arn: string) {
  if (records.length === 0) return;
  try {
    const result = await options.client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: options.queueUrl,
        Entries: records.map((record, i) => ({ Id: String(i), ReceiptHandle: record.receiptHandle })),
      }),
    );
    if (result.Failed?.length) {
      log.warn("local consumer: some deletes failed; those messages will be delivered again", {
        queue: arn,
        failed: result.Failed.length,
      });
    }
  } catch (error) {
    log.error("local consumer: delete failed; the batch will be delivered again", { queue: arn, error });
  }
}
