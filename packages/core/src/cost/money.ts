/**
 * Money is integer micro-dollars (1 USD = 1_000_000) inside Hangar: sums of many short
 * intervals stay exact, and budget thresholds compare integers, so a limit is crossed at the
 * same point on every run. USD numbers appear only at the edges (input and API output).
 */
export type Micros = number;

const PER_USD = 1_000_000;
const MS_PER_HOUR = 3_600_000;

export const toMicros = (usd: number): Micros => Math.round(usd * PER_USD);
export const toUsd = (micros: Micros): number => micros / PER_USD;

/** What `replicas` replicas cost at `pricePerHour` over `ms` milliseconds. */
export function costOf(pricePerHour: Micros, replicas: number, ms: number): Micros {
  return Math.round((pricePerHour * replicas * ms) / MS_PER_HOUR);
}

export const hours = (ms: number) => ms / MS_PER_HOUR;

/** "$12.34": for messages only. */
export const formatUsd = (micros: Micros) => `$${toUsd(micros).toFixed(2)}`;
