import type { AccountActivity } from "./usage-store";

/**
 * How old the account's last good provider read may be before its activity counts as unknown:
 * reads come once a minute, so three minutes is two missed reads, past any lag of the cron or
 * the queue.
 */
export const STALE_MINUTES = 3;

export type Judgement =
  | { kind: "known" }
  /** The provider was read, but not yet since the deployment became idle: wait for the next read. */
  | { kind: "pending" }
  | { kind: "unknown"; since: string | null; reason: string };

/**
 * Whether an idle stop due at `stopAt` may rely on the provider's measurements: only when a read
 * succeeded at or after `stopAt` (so the minute before the deadline was seen) and recently.
 */
export function judge(account: AccountActivity | undefined, stopAt: string, now: Date): Judgement {
  const staleBefore = new Date(now.getTime() - STALE_MINUTES * 60_000).toISOString();
  const okAt = account?.okAt;
  if (!okAt || okAt < staleBefore) {
    const failing = account?.error ? `: ${account.error.message}` : "";
    const reason = okAt
      ? `the provider's activity could not be read since ${okAt}${failing}`
      : `the provider's activity has not been read yet${failing}`;
    return { kind: "unknown", since: okAt ?? null, reason };
  }
  return okAt < stopAt ? { kind: "pending" } : { kind: "known" };
}
