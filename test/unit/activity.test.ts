import { judge, STALE_MINUTES } from "@hangar/core/deployment/activity-gap";
import { activityWrite } from "@hangar/core/deployment/activity-source";
import { bucket } from "@hangar/core/deployment/metrics";
import { describe, expect, it } from "vitest";

const t = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 12, minutes));
const iso = (minutes: number) => t(minutes).toISOString();

describe("judging provider activity before an idle stop", () => {
  it("relies on a recent read made at or after the idle deadline", () => {
    expect(judge({ okAt: iso(10) }, iso(10), t(11))).toEqual({ kind: "known" });
  });

  it("waits for the next read when the last one came before the deadline", () => {
    expect(judge({ okAt: iso(9) }, iso(10), t(10))).toEqual({ kind: "pending" });
  });

  it(`counts activity unknown once the last good read is over ${STALE_MINUTES} minutes old, saying why`, () => {
    const error = { code: "internal", message: "fireworks: 500", at: iso(14) };
    expect(judge({ okAt: iso(10), failingSince: iso(11), error }, iso(10), t(14))).toEqual({
      kind: "unknown",
      since: iso(10),
      reason: `the provider's activity could not be read since ${iso(10)}: fireworks: 500`,
    });
  });

  it("counts activity unknown when the account was never read", () => {
    expect(judge(undefined, iso(10), t(20))).toMatchObject({ kind: "unknown", since: null });
  });
});

describe("metrics points", () => {
  it("sums minute samples into points, rates per minute, weighted p50, worst p95 and most replicas", () => {
    const from = t(0).getTime();
    const points = bucket(
      [
        {
          at: iso(1),
          requests: 10,
          errors: 1,
          inputTokens: 100,
          outputTokens: 50,
          latencyMs: { p50: 100, p95: 200 },
          replicas: 1,
        },
        {
          at: iso(2),
          requests: 30,
          inputTokens: 300,
          outputTokens: 150,
          latencyMs: { p50: 200, p95: 400 },
          replicas: 2,
        },
      ],
      from,
      t(30).getTime(),
      15 * 60_000,
    );
    expect(points).toHaveLength(2);
    expect(points[0]).toEqual({
      at: iso(0),
      requests: 40,
      requestsPerMinute: 40 / 15,
      inputTokens: 400,
      outputTokens: 200,
      errorRate: 1 / 40,
      latencyMs: { p50: 175, p95: 400, p99: null },
      replicas: 2,
    });
    expect(points[1]).toMatchObject({ requests: 0, errorRate: null, latencyMs: null, replicas: null });
  });

  it("puts a sample in the minute it covers, the one before its stamp", () => {
    const points = bucket([{ at: iso(1), requests: 5 }], t(0).getTime(), t(2).getTime(), 60_000);
    expect(points.map((p) => p.requests)).toEqual([5, 0]);
  });
});

describe("recording activity per source", () => {
  const minute = 60_000;

  it("writes a source not seen within the interval, and moves the latest activity forward", () => {
    const row = { lastActivityAt: iso(1), proxyActivityAt: iso(1) };
    expect(activityWrite(row, "heartbeat", iso(1), minute)).toEqual({
      field: "heartbeatActivityAt",
      threshold: iso(0),
      latest: iso(1),
    });
    expect(activityWrite(row, "proxy", iso(3), minute)).toMatchObject({
      field: "proxyActivityAt",
      latest: iso(3),
    });
  });

  it("skips a source already recorded within the interval, whatever the other sources did", () => {
    expect(activityWrite({ heartbeatActivityAt: iso(5) }, "heartbeat", iso(5), minute)).toBeUndefined();
    expect(activityWrite({ providerActivityAt: iso(5) }, "proxy", iso(5), minute)).toBeDefined();
  });

  it("never moves the latest activity back when a source reports an earlier instant", () => {
    expect(activityWrite({ lastActivityAt: iso(9) }, "proxy", iso(4), minute)?.latest).toBe(iso(9));
  });
});
