/**
 * How long steps take, and when to look next: the history of past durations per provider ×
 * hardware × model-size class × step kind, and the check cadence planned from it.
 */
export { backoff, type CadenceInput, nextCheckDelay } from "./cadence";
export { type Fit, fitLogNormal, medianRemaining, quantile } from "./fit";
export type { DurationScope } from "./keys";
export { completes, type SizeClass, type StepKind, sizeClass, stepKind } from "./kind";
export { durations, KEEP, record } from "./store";
