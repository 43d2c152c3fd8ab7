import type { Row } from "./row";

/** Where activity was seen, and the row attribute that keeps each source's last instant. */
export type ActivitySource = "proxy" | "heartbeat" | "provider";
export const sourceField = {
  proxy: "proxyActivityAt",
  heartbeat: "heartbeatActivityAt",
  provider: "providerActivityAt",
} as const satisfies Record<ActivitySource, keyof Row>;

/**
 * What recording activity of `source` at `at` writes, or undefined when that source was already
 * recorded within `intervalMs` (the write throttle, per source). `latest` is what
 * `lastActivityAt`, the instant the idle policy counts from, becomes: never earlier than it was.
 */
export function activityWrite(
  row: Pick<Row, "lastActivityAt" | (typeof sourceField)[ActivitySource]>,
  source: ActivitySource,
  at: string,
  intervalMs: number,
) {
  const field = sourceField[source];
  const threshold = new Date(Date.parse(at) - intervalMs).toISOString();
  const last = row[field];
  if (last && last >= threshold) return undefined;
  const latest = row.lastActivityAt && row.lastActivityAt > at ? row.lastActivityAt : at;
  return { field, threshold, latest };
}
