import { errorFunction, mean, probit, sampleStandardDeviation } from "simple-statistics";

/**
 * A log-normal fitted to past durations (seconds): provisioning times are skewed to the right and
 * a handful of samples fits two parameters far more stably than an empirical quantile.
 */
export type Fit = { mu: number; sigma: number; n: number };

/** Below this many samples a fit says more about noise than the step: fall back to backoff. */
export const MIN_SAMPLES = 3;
/** A floor on the spread, so identical samples don't promise a completion to the second. */
const MIN_SIGMA = 0.05;

export function fitLogNormal(seconds: readonly number[]): Fit | undefined {
  const logs = seconds.filter((s) => s > 0).map(Math.log);
  if (logs.length < MIN_SAMPLES) return undefined;
  return { mu: mean(logs), sigma: Math.max(MIN_SIGMA, sampleStandardDeviation(logs)), n: logs.length };
}

export const quantile = (f: Fit, p: number) => Math.exp(f.mu + f.sigma * probit(p));

/** Probability the step is still running at `t` seconds. */
export function survival(f: Fit, t: number) {
  if (t <= 0) return 1;
  const z = (Math.log(t) - f.mu) / f.sigma;
  return 0.5 * (1 - errorFunction(z / Math.SQRT2));
}

/** The rate at which a step still running at `t` completes, per second. */
export function hazard(f: Fit, t: number) {
  if (t <= 0) return 0;
  const z = (Math.log(t) - f.mu) / f.sigma;
  const density = Math.exp(-0.5 * z * z) / (t * f.sigma * Math.sqrt(2 * Math.PI));
  // Far in the right tail the survival underflows; the hazard there is ~ z / (σ t).
  const s = survival(f, t);
  return s > 1e-9 ? density / s : Math.max(z, 1) / (f.sigma * t);
}

/**
 * Seconds until a step still running at `t` is as likely done as not: the median of what is left,
 * given that it took `t` already (the quantile where survival halves from its value at `t`).
 */
export function medianRemaining(f: Fit, t: number) {
  const p = 1 - survival(f, t) / 2;
  return Math.max(0, Math.exp(f.mu + f.sigma * probit(Math.min(p, 1 - 1e-9))) - Math.max(0, t));
}
