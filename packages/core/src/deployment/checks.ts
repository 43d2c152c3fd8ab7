import { Config } from "../config";
import { backoff } from "../timing/cadence";
import { createId } from "../util/id";
import { basePk, CHECK_PK, POLICY_PK, servingPk } from "./keys";
import { policyAt } from "./policy";
import type { Row } from "./row";
import { isInFlight, type State } from "./states";

/** States a worker keeps checking: in flight, or settled but able to change at the provider. */
export function isChecked(state: State): boolean {
  return isInFlight(state) || state === "ready" || state === "stopped";
}

/**
 * Seconds until the next provider check when nothing better is known. Right after an action
 * things move fast, so the first checks are close together; they double up to the cap while
 * nothing changes. A worker step still in flight plans from its step's history instead (pace.ts).
 * Settled deployments are checked rarely (`watch`: HANGAR_WATCH_SECONDS), to notice what the
 * provider did on its own; that check is the `watch` phase (phase/endpoint.ts).
 */
export function checkDelay(state: State, checks: number, policy = Config.checkDelay()): number {
  if (!isInFlight(state)) return policy.watch;
  // `checks` counts the waits so far, the one being scheduled included: the first is `min`.
  return backoff(checks, policy);
}

/**
 * The index and step attributes that follow from a row's state, set by every commit (write.ts)
 * and at create. One update writes some by hand: recordActivity (request.ts) moves policyAt and
 * policyPk, computed by the same policyAt, without a commit, so proxy traffic stays one write.
 */
export function indexFields(row: Row, now: Date, nextCheckSeconds?: number) {
  const checked = isChecked(row.state);
  const delay = nextCheckSeconds ?? checkDelay(row.state, row.checks);
  const due = policyAt(row, now);
  return {
    checkId: createId("message"),
    leaseUntil: undefined,
    leaseFor: undefined,
    checkPk: checked ? CHECK_PK : undefined,
    checkAt: checked ? new Date(now.getTime() + delay * 1000).toISOString() : undefined,
    policyPk: due ? POLICY_PK : undefined,
    policyAt: due,
    ...byBase(row),
    ...serving(row),
  };
}

/** Own endpoints that serve (adapters are measured on their base's endpoint). */
function serving(row: Row) {
  const up = (row.state === "ready" || row.state === "updating") && !row.model.baseDeploymentId;
  return up && row.endpointId
    ? { servingPk: servingPk(row.provider), servingSk: row.id }
    : { servingPk: undefined, servingSk: undefined };
}

/** An adapter is listed under its base until it is deleted. */
function byBase(row: Row) {
  const base = row.model.baseDeploymentId;
  return base && row.state !== "deleted"
    ? { basePk: basePk(base), baseSk: row.id }
    : { basePk: undefined, baseSk: undefined };
}
