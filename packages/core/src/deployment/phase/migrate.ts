import { snapshot } from "../../hardware/price";
import type { EndpointStatus, Provider } from "../../provider";
import { ProviderError } from "../../provider/error";
import { checkDelay } from "../checks";
import { desiredOf, type Migration, migrationDeadline, type Row } from "../row";
import { displayName, endpointFields, type Step, sameScale } from "./shared";

/**
 * A ready deployment moving to another API generation (migrate.ts asked for it). It keeps
 * serving on the old endpoint throughout: the new one is created beside it, and once it serves
 * with the desired autoscaling, one conditional write points the row (and so the proxy) at it.
 * The old endpoint is deleted only after the drain (`retire`), so requests that read the row
 * just before the switch still find it. A new endpoint that fails, or doesn't serve by the
 * migration's deadline, is abandoned: the deployment stays as it was, with the reason in
 * `lastError`, its history and a webhook, and the new endpoint is deleted in the background
 * (`retiringId`: a v2 delete takes several steps).
 */
export async function migrating(row: Row, p: Provider): Promise<Step> {
  const m = row.migration as Migration;
  const want = desiredOf(row);
  try {
    if (!m.endpointId) return pace(row, { migration: { ...m, endpointId: (await create(row, p, m)).id } });
    const ep = await p.getEndpoint(m.endpointId);
    if (!ep) return abandon(row, p, "the new endpoint disappeared");
    if (ep.state === "failed") return abandon(row, p, `the new endpoint went to ${ep.raw}`, ep.id);
    if (ep.state !== "running") {
      const deadline = migrationDeadline(m);
      if (new Date().toISOString() < deadline) return pace(row);
      return abandon(row, p, `the new endpoint was still ${ep.raw} at the deadline, ${deadline}`, ep.id);
    }
    if (ep.autoscaling && !sameScale(ep.autoscaling, want.autoscaling)) {
      await p.updateEndpoint(ep.id, { autoscaling: want.autoscaling });
      return pace(row);
    }
    return switchTo(row, p, ep, m);
  } catch (error) {
    // A refusal (no capacity, a model v2 can't serve) ends the migration, never the deployment.
    if (error instanceof ProviderError && !error.retryable)
      return abandon(row, p, error.message, m.endpointId);
    throw error;
  }
}

async function create(row: Row, p: Provider, m: Migration) {
  const name = displayName(row);
  const model = row.modelName as string;
  const want = desiredOf(row);
  // Whatever an earlier attempt created, it created after the migration began; the old endpoint did not.
  const found = await p.findEndpoint({ displayName: name, model, since: m.startedAt, apiVersion: m.to });
  if (found && found.id !== row.endpointId) return found;
  return p.createEndpoint({
    deploymentId: row.id,
    apiVersion: m.to,
    displayName: name,
    model,
    hardware: row.hardware,
    autoscaling: want.autoscaling,
    inactiveTimeoutMinutes: row.idleTimeoutMinutes ? row.idleTimeoutMinutes + 10 : 0,
    precision: row.precision,
    scaleToZeroMinutes: row.scaleToZeroMinutes,
    enableAdapters: row.allowAdapters,
  });
}

async function switchTo(row: Row, p: Provider, ep: EndpointStatus, m: Migration): Promise<Step> {
  const now = new Date();
  const want = desiredOf(row);
  const hardware = ep.hardware ?? row.hardware;
  const price =
    hardware === row.hardware
      ? row.price
      : ((await snapshot(p.name, hardware, undefined, m.to)) ?? row.price);
  const from = {
    apiVersion: row.apiVersion ?? "v1",
    endpointId: row.endpointId,
    endpointName: row.endpointName,
  };
  return {
    announce: "deployment.migrated",
    reason: "migrated",
    message: `Traffic now goes to ${ep.name} (Together ${m.to}); ${from.endpointName} (${from.apiVersion}) is deleted after ${m.drainSeconds} s.`,
    set: {
      ...endpointFields(ep),
      apiVersion: m.to,
      hardware,
      autoscaling: ep.autoscaling ?? want.autoscaling,
      price,
      desired: { ...want, hardware, apiVersion: m.to },
      migratedFrom: {
        apiVersion: from.apiVersion,
        endpointId: from.endpointId as string,
        endpointName: from.endpointName as string,
        at: now.toISOString(),
        drainUntil: new Date(now.getTime() + m.drainSeconds * 1000).toISOString(),
      },
    },
    remove: ["migration", "lastError"],
    nextCheckSeconds: m.drainSeconds,
  };
}

function abandon(row: Row, p: Provider, why: string, created?: string): Step {
  const message = `The migration to ${p.name} ${row.migration?.to ?? "v2"} failed (${why}); the deployment keeps serving on ${row.endpointName} (${row.apiVersion ?? "v1"}). Migrate again once the cause is fixed.`;
  const { apiVersion: _, ...desired } = desiredOf(row);
  return {
    announce: "deployment.migration_failed",
    reason: "migration.failed",
    message,
    set: {
      lastError: { code: "migration.failed", message, at: new Date().toISOString() },
      desired,
      ...(created ? { retiringId: created } : {}),
    },
    remove: ["migration"],
    ...(created ? { nextCheckSeconds: 0 } : {}),
  };
}

/** While migrating, the ready deployment is looked at at the in-flight pace, not the settled one. */
function pace(row: Row, set: Partial<Row> = {}): Step {
  const checks = row.checks + 1;
  return { set: { ...set, checks }, nextCheckSeconds: checkDelay("updating", checks) };
}

/** After a migration's drain: the old endpoint goes. Undefined while there is nothing (yet) to do. */
export async function retire(row: Row, p: Provider, now = new Date()): Promise<Step | undefined> {
  const from = row.migratedFrom;
  if (!from || from.deletedAt || now.toISOString() < from.drainUntil) return undefined;
  await p.deleteEndpoint(from.endpointId);
  return { set: { migratedFrom: { ...from, deletedAt: now.toISOString() } }, nextCheckSeconds: 0 };
}

/** Seconds until a pending drain ends, so the next look comes then rather than at the settled pace. */
export function drainDue(row: Row, now = Date.now()): number | undefined {
  const from = row.migratedFrom;
  if (!from || from.deletedAt) return undefined;
  return Math.max(0, Math.ceil((Date.parse(from.drainUntil) - now) / 1000));
}
