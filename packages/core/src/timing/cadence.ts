import type { ProgressPhase } from "../provider";
import { type Fit, hazard, quantile } from "./fit";

export type CadencePolicy = { min: number; max: number };

export type CadenceInput = {
  /** Seconds since the step began. */
  elapsed: number;
  /** Waits so far, the one being scheduled included (today's backoff counts them). */
  checks: number;
  /** Past durations of this step, for its provider × hardware × size class. */
  history?: Fit;
  /** Past durations of the step's last phase (`initializing`), from its first sighting to done. */
  tail?: Fit;
  /** The phase the provider reported last, and seconds since it was first seen. */
  phase?: { name: ProgressPhase; elapsed: number };
  policy: CadencePolicy;
};

/**
 * What one provider call is worth in seconds of expected lag. Spacing checks by
 * √(2·LAG_PER_CALL / hazard) minimises expected lag + LAG_PER_CALL × calls: checks bunch where a
 * still-running step is most likely to finish next. Tuned with `npm run bench:detection`.
 */
export const LAG_PER_CALL = 0.2;
/** The longest single wait before the history's first percentile (SQS delays stop at 900 s). */
export const MAX_SPARSE_SECONDS = 600;

/** Today's cadence, and the fallback with no history: `min` after an action, doubling to `max`. */
export function backoff(checks: number, policy: CadencePolicy) {
  return Math.min(policy.max, policy.min * 2 ** Math.min(Math.max(0, checks - 1), 20));
}

/**
 * Seconds until the next check of an in-flight step: sparse early, dense around the expected
 * completion, wider again past it; today's backoff without history. Progress narrows it: in the
 * last phase its own history (timed from when it was first seen) plans the checks too, and the
 * sooner of the two plans wins; before it, nothing completes sooner than that phase's shortest runs.
 */
export function nextCheckDelay(input: CadenceInput): number {
  const { policy, phase, tail } = input;
  if (phase?.name === "ready") return policy.min;
  if (phase?.name === "initializing" && tail) {
    const own = planned(tail, phase.elapsed, policy);
    return input.history ? Math.min(own, planned(input.history, input.elapsed, policy)) : own;
  }
  if (!input.history) return backoff(input.checks, policy);
  const delay = planned(input.history, input.elapsed, policy);
  if (tail && (phase?.name === "scheduling" || phase?.name === "downloading")) {
    return Math.max(delay, Math.round(Math.min(quantile(tail, 0.05), policy.max)));
  }
  return delay;
}

function planned(f: Fit, elapsed: number, policy: CadencePolicy) {
  const t = Math.max(1, elapsed);
  let delay = Math.sqrt((2 * LAG_PER_CALL) / Math.max(hazard(f, t), 1e-9));
  // Early: halve the way to where completions begin (the 1st percentile), so a step faster than
  // its history (a fit from few samples, cached weights) is still seen within about its own age.
  // Past the 99th percentile the history no longer explains the wait (the provider got slower,
  // or is stuck): widen back toward the backoff's cap.
  const first = (quantile(f, 0.01) - t) / 2;
  const late = t - quantile(f, 0.99);
  if (first > policy.min) delay = Math.min(delay, first, MAX_SPARSE_SECONDS);
  else delay = Math.min(late > 0 ? Math.max(delay, policy.min + late / 4) : delay, policy.max);
  return Math.max(policy.min, Math.round(delay));
}
