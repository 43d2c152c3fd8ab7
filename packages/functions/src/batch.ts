import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { log } from "@hangar/core/util/log";
import type { SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";

/**
 * Runs each record on its own (at once, as Powertools' BatchProcessor does) and reports only the
 * failed ones, so SQS retries just those (the subscription must have partial batch responses on).
 * Failures the handler expects (a webhook receiver that is down) are logged as warnings, the rest
 * as errors. A processor per batch: it keeps the batch's records on itself, and the local stack
 * runs batches of one queue side by side in one process.
 */
export async function processBatch(
  event: SQSEvent,
  handle: (record: SQSRecord) => Promise<void>,
  options: { expected?: (error: unknown) => boolean } = {},
): Promise<SQSBatchResponse> {
  const record = async (record: SQSRecord) => {
    try {
      await handle(record);
    } catch (error) {
      const level = options.expected?.(error) ? "warn" : "error";
      log[level]("record failed", { messageId: record.messageId, error });
      throw error;
    }
  };
  // A batch whose every record failed is reported like any other, not thrown.
  return processPartialResponse(event, record, new BatchProcessor(EventType.SQS), {
    throwOnFullBatchFailure: false,
  });
}
