import { queues } from "../queue/settings";

/**
 * Webhook retry backoff, as a pure function of the attempt number. After failed attempt n the
 * message stays hidden base × 2^(n-1) seconds, capped at base × 480 (4 h at the default 30 s),
 * with ±20% jitter. Fifteen attempts then span about a day: the waits sum to base × 2911
 * (24.3 h at 30 s). SQS bounds both ends: a visibility timeout is at most 12 h, and the whole
 * run (at most 29 h with jitter) stays well inside the queue's retention (4 days by default).
 */
export const MAX_ATTEMPTS = queues.webhooks.maxReceiveCount;
const CAP_FACTOR = 480;
const JITTER = 0.2;
const SQS_MAX_VISIBILITY = 12 * 3600;

export function nominalDelay(attempt: number, baseSeconds: number) {
  const exponential = baseSeconds * 2 ** Math.max(0, attempt - 1);
  return Math.min(exponential, baseSeconds * CAP_FACTOR, SQS_MAX_VISIBILITY);
}

/** Seconds to wait after failed attempt `attempt` before the next one (at least 1). */
export function retryDelay(attempt: number, baseSeconds: number, random = Math.random) {
  const jitter = 1 - JITTER + 2 * JITTER * random();
  return Math.min(SQS_MAX_VISIBILITY, Math.max(1, Math.round(nominalDelay(attempt, baseSeconds) * jitter)));
}

/** The published retry delays without jitter: when each attempt happens, counted from the first. */
export function retryDelays(baseSeconds: number, attempts = MAX_ATTEMPTS) {
  const rows: { attempt: number; delaySeconds: number; atSeconds: number }[] = [];
  let at = 0;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const delaySeconds = attempt === 1 ? 0 : nominalDelay(attempt - 1, baseSeconds);
    at += delaySeconds;
    rows.push({ attempt, delaySeconds, atSeconds: at });
  }
  return rows;
}
