/**
 * Queue settings shared by sst.config.ts and the local stack, so both behave the same.
 * Visibility must exceed the consuming function's timeout; failed receives past
 * maxReceiveCount land in the queue's DLQ.
 */
export const queues = {
  jobs: { visibilityTimeoutSeconds: 90, functionTimeoutSeconds: 60, maxReceiveCount: 5, batchSize: 10 },
  /** Fifteen delivery attempts over about a day: see packages/core/src/webhook/backoff.ts. */
  webhooks: { visibilityTimeoutSeconds: 60, functionTimeoutSeconds: 30, maxReceiveCount: 15, batchSize: 10 },
} as const;

export type QueueName = keyof typeof queues;
