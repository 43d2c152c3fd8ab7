/**
 * Hangar's schedules, in EventBridge's own syntax. sst.config.ts creates these rules on AWS;
 * the local scheduler fires the same handlers on the same expressions.
 */
export const schedules = {
  /** Safety net: re-enqueues in-flight deployments whose next check is overdue (lost or late messages). */
  poller: { handler: "poller", expression: "rate(1 minute)" },
  /** Stops deployments idle past their timeout. */
  idleStopper: { handler: "idle-stopper", expression: "rate(1 minute)" },
} as const;

export type ScheduleName = keyof typeof schedules;
