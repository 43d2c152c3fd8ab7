/**
 * Hangar's crons: rules that run a handler on a rate, in EventBridge's own syntax. sst.config.ts creates these rules on AWS;
 * the local scheduler fires the same handlers on the same expressions.
 */
export const crons = {
  /** Safety net: re-enqueues in-flight deployments whose next check is overdue (lost or late messages). */
  poller: { handler: "poller", expression: "rate(1 minute)" },
  /**
   * Cost policies: idle warnings and stops, scheduled starts and stops, deletes after a long stop;
   * first it enqueues one provider activity read per account (the worker reads).
   */
  policySweeper: { handler: "policy-sweeper", expression: "rate(1 minute)" },
  /** Checks budgets: warns, and stops what runs over a hard limit. */
  budgets: { handler: "budget-checker", expression: "rate(5 minutes)" },
} as const;

export type CronName = keyof typeof crons;
