import { Config } from "../../config";
import type { EndpointStatus, Provider } from "../../provider";
import { emitNotice } from "../notice";
import type { Row, Unconfirmed } from "../row";

/**
 * What "confirmed" means. A stop is confirmed when the provider reports the endpoint stopped
 * with no replica serving (where it reports replicas); a delete, when the provider no longer
 * knows the endpoint. Until then the deployment stays `stopping` (or `deleting`), which cost
 * bills. Hangar asks once, re-reads, and asks again each time the bound passes without
 * confirmation; the first time, it reports it (once per stop: the notice is keyed on it).
 */
export const confirmsStop = (ep: EndpointStatus) => ep.state === "stopped" && !ep.readyReplicas;

/** Serving, or about to: what a stopped endpoint must not be. */
export const runsAgain = (ep: EndpointStatus) =>
  ep.state === "running" || ep.state === "pending" || (ep.readyReplicas ?? 0) > 0;

const boundMs = () => Config.confirmSeconds() * 1000;

/** The bound has passed since `at` (an ISO instant). */
export const overdue = (at: string, now = Date.now()) => now - Date.parse(at) >= boundMs();

/** When Hangar asked for this stop, if it already did in the current stopping. */
export function stopAsked(row: Row): string | undefined {
  return row.stopAskedAt && row.stopAskedAt >= row.stateChangedAt ? row.stopAskedAt : undefined;
}

/** The provider showed the stop under way since it was asked for. */
export const wasStopping = (row: Row, asked: string) =>
  !!row.observed &&
  row.observed.at >= asked &&
  (row.observed.state === "stopping" || row.observed.state === "stopped");

/**
 * A stopped deployment stays under a closer watch for one bound after its stop: a provider
 * that reports it running again within it is a stop that didn't hold, not a start outside
 * Hangar (which a stopped Together or Fireworks endpoint needs: neither wakes on traffic).
 */
export const holding = (row: Row) => row.state === "stopped" && !overdue(row.stateChangedAt);

/**
 * Reports an action the provider hasn't confirmed and returns what the deployment shows. The
 * notice goes out once per stop (or delete): its key is the instant the state began.
 */
export async function unconfirmed(
  row: Row,
  p: Provider,
  action: Unconfirmed["action"],
  ep: EndpointStatus,
  since: string,
): Promise<Unconfirmed> {
  const now = new Date().toISOString();
  const current = row.unconfirmed?.action === action && row.unconfirmed.since === since;
  if (!current) {
    const minutes = Config.confirmSeconds() / 60;
    const what = action === "stop" ? "stopped with zero replicas" : "gone";
    await emitNotice({
      tenantId: row.tenantId,
      type: action === "stop" ? "deployment.stop_unconfirmed" : "deployment.delete_unconfirmed",
      deploymentId: row.id,
      key: `${action}-unconfirmed:${row.id}:${row.stateChangedAt}`,
      data: {
        action,
        since,
        boundMinutes: minutes,
        observed: { state: ep.state, raw: ep.raw, readyReplicas: ep.readyReplicas ?? null },
        message: `${p.name} still reports ${ep.id} ${ep.raw} ${minutes} min after Hangar asked to ${action} it (not ${what}); Hangar asked again and counts the cost until it is.`,
      },
    });
  }
  return {
    action,
    since,
    at: now,
    observed: ep.raw,
    retries: current ? (row.unconfirmed?.retries ?? 0) + 1 : 1,
  };
}
