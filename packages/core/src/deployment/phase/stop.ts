import { Config } from "../../config";
import type { EndpointStatus, Provider } from "../../provider";
import { desiredOf, type Row } from "../row";
import { confirmsStop, overdue, runsAgain, stopAsked, unconfirmed, wasStopping } from "./confirm";
import {
  endpointFields,
  failed,
  findEarlier,
  look,
  missing,
  type Phase,
  type Step,
  settled,
  wait,
} from "./shared";

/**
 * A stop also ends a hardware change under way: the new hardware is started with the next start.
 * The stop is asked for once, then re-read until confirmed (confirm.ts); past the bound it is
 * asked for again and reported. Stopped comes only with the confirmation, so cost bills until then.
 */
export const stopping: Phase = async (row, p) => {
  if (row.replacementId) {
    await p.deleteEndpoint(row.replacementId);
    return { set: {}, remove: ["replacementId"], nextCheckSeconds: 0 };
  }
  // A stop ends a migration under way too: it can be asked for again once started.
  if (row.migration) {
    if (row.migration.endpointId) await p.deleteEndpoint(row.migration.endpointId);
    const { apiVersion: _, ...desired } = desiredOf(row);
    return { set: { desired }, remove: ["migration"], nextCheckSeconds: 0 };
  }
  const asked = stopAsked(row);
  // A listed "still stopping" answers only a wait within the bound; anything else is read singly.
  const ep = row.endpointId
    ? await look(p, row.endpointId, (listed) => listed.state === "stopping" && !!asked && !overdue(asked))
    : await findEarlier(row, p);
  if (!ep) {
    if (row.endpointId) return missing(p, row.endpointId);
    return { to: "stopped", reason: row.stopReason, remove: [...settled] };
  }
  if (confirmsStop(ep)) return stopConfirmed(row, ep);
  if (ep.state === "failed") return failed(p, ep, row);
  // Not asked yet, or running again after it had begun to stop (a late start): asked now.
  if (!asked || (runsAgain(ep) && wasStopping(row, asked))) return askStop(row, p, ep.id);
  if (!overdue(asked)) return wait(row, endpointFields(ep, row.observed));
  const shown = await unconfirmed(row, p, "stop", ep, row.unconfirmed?.since ?? asked);
  return askStop(row, p, ep.id, { unconfirmed: shown });
};

async function askStop(row: Row, p: Provider, id: string, set: Partial<Row> = {}): Promise<Step> {
  const stopAskedAt = new Date().toISOString();
  return wait(row, { ...endpointFields(await p.stopEndpoint(id)), ...set, stopAskedAt });
}

/** Watched closely for one bound after, in case the stop doesn't hold (`watch`). */
function stopConfirmed(row: Row, ep: EndpointStatus): Step {
  const retries = row.unconfirmed?.action === "stop" ? row.unconfirmed.retries : 0;
  return {
    to: "stopped",
    reason: row.stopReason,
    message: retries
      ? `The stop was confirmed after Hangar asked ${retries + 1} times (first ${row.unconfirmed?.since}).`
      : undefined,
    set: endpointFields(ep),
    remove: [...settled],
    nextCheckSeconds: Config.checkDelay().max,
  };
}

/**
 * Deleted only once the provider no longer knows the endpoint: some delete in the background, and
 * Together v2 deletes in steps (stop, wait, leave the split, delete), one per call.
 */
export const deleting: Phase = async (row, p) => {
  const earlier = row.endpointId ? undefined : await findEarlier(row, p);
  const drained = row.migratedFrom?.deletedAt ? undefined : row.migratedFrom?.endpointId;
  const ids = [
    row.endpointId,
    row.replacementId,
    row.retiringId,
    row.migration?.endpointId,
    drained,
    earlier?.id,
  ].filter((id): id is string => !!id);
  for (const id of ids) await p.deleteEndpoint(id);
  const remaining = (await Promise.all(ids.map((id) => p.getEndpoint(id)))).filter((ep) => ep !== undefined);
  const left = remaining[0];
  if (!left) {
    return {
      to: "deleted",
      reason: "manual",
      remove: ["hfToken", "replacementId", "retiringId", "migration", "stopAskedAt", "unconfirmed"],
    };
  }
  const set = row.endpointId === left.id ? endpointFields(left) : {};
  // Deletes are asked for on every look; past each bound the deployment says so.
  const current = row.unconfirmed?.action === "delete" ? row.unconfirmed : undefined;
  if (!overdue(current?.at ?? row.stateChangedAt)) return wait(row, set);
  const since = current?.since ?? row.stateChangedAt;
  return wait(row, { ...set, unconfirmed: await unconfirmed(row, p, "delete", left, since) });
};

/** Running again within the bound after its stop: stopped again, and reported. */
export async function stopDidNotHold(row: Row, p: Provider, ep: EndpointStatus): Promise<Step> {
  const shown = await unconfirmed(row, p, "stop", ep, row.stateChangedAt);
  return {
    to: "stopping",
    reason: `stop_unconfirmed: ${p.name} reports the endpoint ${ep.raw} after its stop; stopping it again`,
    message: "A stop that didn't hold, or a start that reached the provider after the stop.",
    set: { ...endpointFields(ep), unconfirmed: shown },
    nextCheckSeconds: 0,
  };
}
