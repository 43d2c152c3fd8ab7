import { log } from "@hangar/core/util/log";
import type { SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";

/**
 * Runs each record on its own and reports only the failed ones, so SQS retries just those
 * (the subscription must have partial batch responses on). Failures the handler expects (a
 * webhook receiver that is down) are logged as warnings, the rest as errors.
 */
export async function processBatch(
  event: SQSEvent,
  handle: (record: SQSRecord) => Promise<void>,
  options: { expected?: (error: unknown) => boolean } = {},
): Promise<SQSBatchResponse> {
  const results = await Promise.allSettled(event.Records.map((record) => handle(record)));
  const batchItemFailures = results.flatMap((result, i) => {
    if (result.status === "fulfilled") return [];
    const record = event.Records[i] as SQSRecord;
    const level = options.expected?.(result.reason) ? "warn" : "error";
    log[level]("record failed", { messageId: record.messageId, error: result.reason });
    return [{ itemIdentifier: record.messageId }];
  });
  return { batchItemFailures };
}
