import { queues } from "@hangar/core/queue/settings";
import { MAX_ATTEMPTS, nominalDelay, retryDelay, retryDelays } from "@hangar/core/webhook/backoff";
import { describe, expect, it } from "vitest";

describe("the webhook retry schedule", () => {
  it("makes as many attempts as the queue receives a message before its DLQ", () => {
    expect(MAX_ATTEMPTS).toBe(queues.webhooks.maxReceiveCount);
    expect(retryDelays(30)).toHaveLength(MAX_ATTEMPTS);
  });

  it("doubles from the base and caps each wait at 4 hours", () => {
    expect([1, 2, 3, 4, 9, 10, 14].map((n) => nominalDelay(n, 30))).toEqual([
      30, 60, 120, 240, 7680, 14_400, 14_400,
    ]);
  });

  it("spans about a day at the default base", () => {
    const last = retryDelays(30).at(-1);
    expect(last?.atSeconds).toBe(30 * 2911);
    expect(last?.atSeconds).toBeGreaterThan(23 * 3600);
    expect(last?.atSeconds).toBeLessThan(25 * 3600);
  });

  it("attempts at once first, then after each wait in turn", () => {
    const rows = retryDelays(1).slice(0, 4);
    expect(rows).toEqual([
      { attempt: 1, delaySeconds: 0, atSeconds: 0 },
      { attempt: 2, delaySeconds: 1, atSeconds: 1 },
      { attempt: 3, delaySeconds: 2, atSeconds: 3 },
      { attempt: 4, delaySeconds: 4, atSeconds: 7 },
    ]);
  });

  it("jitters by at most a fifth either way", () => {
    expect(retryDelay(4, 30, () => 0)).toBe(192);
    expect(retryDelay(4, 30, () => 0.5)).toBe(240);
    expect(retryDelay(4, 30, () => 1)).toBe(288);
  });

  it("never hides a message longer than SQS allows, nor for less than a second", () => {
    for (let attempt = 1; attempt <= 40; attempt++) {
      expect(retryDelay(attempt, 3600, () => 1)).toBeLessThanOrEqual(12 * 3600);
      expect(retryDelay(attempt, 0.01, () => 0)).toBeGreaterThanOrEqual(1);
    }
  });

  it("finishes within the queue's default retention even with the longest jitter", () => {
    const total = retryDelays(30).reduce((sum, r) => sum + r.delaySeconds * 1.2, 0);
    expect(total).toBeLessThan(4 * 24 * 3600);
  });
});
