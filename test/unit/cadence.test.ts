import { backoff, LAG_PER_CALL, MAX_SPARSE_SECONDS, nextCheckDelay } from "@hangar/core/timing/cadence";
import { fitLogNormal, hazard, medianRemaining, quantile, survival } from "@hangar/core/timing/fit";
import { describe, expect, it } from "vitest";

const policy = { min: 5, max: 60 };
/** Provisionings around five minutes, give or take a fifth. */
const history = { mu: Math.log(300), sigma: 0.2, n: 64 };
/** The last phase: about a minute and a half. */
const tail = { mu: Math.log(90), sigma: 0.15, n: 64 };

/** The checks a step would get from 0 to `until` seconds, following the cadence alone. */
function schedule(until: number, input: Omit<Parameters<typeof nextCheckDelay>[0], "elapsed" | "checks">) {
  const at: number[] = [];
  for (let t = 0, checks = 1; t < until; checks++) {
    t += nextCheckDelay({ ...input, elapsed: t, checks });
    at.push(t);
  }
  return at;
}

describe("check cadence", () => {
  it("falls back to today's backoff without history", () => {
    expect([1, 2, 3, 4, 5, 9].map((checks) => nextCheckDelay({ elapsed: 0, checks, policy }))).toEqual([
      5, 10, 20, 40, 60, 60,
    ]);
    expect(backoff(3, policy)).toBe(20);
  });

  it("halves the way to where completions begin, then checks densely around the expected completion", () => {
    const at = schedule(420, { history, policy });
    const first = quantile(history, 0.01);
    expect(at[0]).toBeCloseTo(first / 2, -1);
    expect(at.filter((t) => t < first).length).toBeLessThanOrEqual(6);
    const gaps = at.slice(1).map((t, i) => t - (at[i] as number));
    const aroundMedian = gaps.filter((_, i) => Math.abs((at[i] as number) - 300) < 30);
    expect(Math.max(...aroundMedian)).toBeLessThanOrEqual(6);
    expect(gaps[0]).toBeGreaterThan(20);
  });

  it("widens again past the history's 99th percentile, never slower than the backoff cap", () => {
    const late = quantile(history, 0.999);
    const near = nextCheckDelay({ elapsed: 300, checks: 9, history, policy });
    const past = nextCheckDelay({ elapsed: late, checks: 9, history, policy });
    expect(past).toBeGreaterThan(near);
    expect(nextCheckDelay({ elapsed: 10_000, checks: 99, history, policy })).toBe(policy.max);
  });

  it("never waits less than the policy's minimum nor more than SQS allows", () => {
    const slow = { mu: Math.log(5000), sigma: 0.1, n: 10 };
    expect(nextCheckDelay({ elapsed: 0, checks: 1, history: slow, policy })).toBe(MAX_SPARSE_SECONDS);
    expect(nextCheckDelay({ elapsed: 3000, checks: 2, history: slow, policy })).toBeLessThan(
      MAX_SPARSE_SECONDS,
    );
    expect(MAX_SPARSE_SECONDS).toBeLessThanOrEqual(900);
    const fast = { mu: Math.log(2), sigma: 0.05, n: 10 };
    expect(nextCheckDelay({ elapsed: 2, checks: 1, history: fast, policy })).toBe(policy.min);
  });

  it("plans from the last phase's own history once the provider reports it", () => {
    const phase = { name: "initializing" as const, elapsed: 0 };
    // Early in the whole step but just entering the last phase: the last phase's start governs.
    const entering = nextCheckDelay({ elapsed: 120, checks: 3, history, tail, phase, policy });
    expect(entering).toBeCloseTo(quantile(tail, 0.01) / 2, -1);
    const middle = nextCheckDelay({
      elapsed: 210,
      checks: 6,
      history,
      tail,
      phase: { ...phase, elapsed: 90 },
      policy,
    });
    expect(middle).toBeLessThanOrEqual(6);
  });

  it("does not look sooner than the last phase's shortest runs while the rollout is still downloading", () => {
    const downloading = { name: "downloading" as const, elapsed: 30 };
    const delay = nextCheckDelay({ elapsed: 300, checks: 5, history, tail, phase: downloading, policy });
    expect(delay).toBeGreaterThanOrEqual(Math.min(Math.round(quantile(tail, 0.05)), policy.max));
  });

  it("looks again at once when replicas already serve before the provider says ready", () => {
    const phase = { name: "ready" as const, elapsed: 0 };
    expect(nextCheckDelay({ elapsed: 30, checks: 2, history, tail, phase, policy })).toBe(policy.min);
  });

  it("spaces checks by the square root of the completion hazard", () => {
    const t = 320;
    const expected = Math.sqrt((2 * LAG_PER_CALL) / hazard(history, t));
    expect(nextCheckDelay({ elapsed: t, checks: 8, history, policy })).toBe(
      Math.max(policy.min, Math.round(expected)),
    );
  });
});

describe("duration fit", () => {
  it("needs three samples before it plans anything", () => {
    expect(fitLogNormal([300, 310])).toBeUndefined();
    expect(fitLogNormal([300, 310, 290])?.n).toBe(3);
  });

  it("recovers the median and spread of log-normal durations", () => {
    const samples = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5].map((z) => 300 * Math.exp(0.2 * z));
    const f = fitLogNormal(samples);
    expect(f && quantile(f, 0.5)).toBeCloseTo(300, 5);
    expect(f && survival(f, 300)).toBeCloseTo(0.5, 5);
  });

  it("keeps a floor on the spread so identical samples don't promise a completion to the second", () => {
    expect(fitLogNormal([60, 60, 60, 60])?.sigma).toBe(0.05);
  });

  it("ignores samples that are not positive", () => {
    expect(fitLogNormal([0, -3, 10, 20, 30])?.n).toBe(3);
  });
});

describe("time a running step has left", () => {
  it("is the history's median at the start, and what is left past the median given the time already taken", () => {
    expect(medianRemaining(history, 0)).toBeCloseTo(300, 3);
    // Still running at the median: half of the rest is done by the 75th percentile.
    expect(medianRemaining(history, 300)).toBeCloseTo(quantile(history, 0.75) - 300, 3);
  });

  it("agrees with the median remainder of sampled durations that outlast the time taken", () => {
    // Inverse-transform samples on an even grid of probabilities: deterministic, and log-normal.
    const samples = Array.from({ length: 200_000 }, (_, i) => quantile(history, (i + 0.5) / 200_000));
    for (const t of [120, 280, 360, 420]) {
      const left = samples
        .filter((s) => s > t)
        .map((s) => s - t)
        .sort((a, b) => a - b);
      const empirical = left[Math.floor(left.length / 2)] as number;
      expect(Math.abs(medianRemaining(history, t) - empirical)).toBeLessThan(empirical * 0.01);
    }
  });
});
