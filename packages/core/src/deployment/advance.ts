import type { EndpointStatus, Provider, UploadStatus } from "../provider";
import type { Row } from "./row";
import type { Change } from "./write";

type Step = Omit<Change, "guard">;

/** The endpoint's display name at the provider: how a retried step finds what it created. */
export const displayName = (row: Row, hardware?: string) =>
  hardware ? `hangar-${row.id}-${hardware}` : `hangar-${row.id}`;

const endpointFields = (ep: EndpointStatus): Partial<Row> => ({
  endpointId: ep.id,
  endpointName: ep.name,
  endpointState: ep.raw,
});
const uploadFields = (u: UploadStatus): Partial<Row> => ({
  uploadJobId: u.jobId,
  uploadStatus: u.raw,
  modelName: u.modelName,
});

/** Still waiting: record what the provider said and back off a little more. */
const wait = (row: Row, set: Partial<Row> = {}): Step => ({ set: { ...set, checks: row.checks + 1 } });

const fail = (code: string, message: string, set: Partial<Row> = {}): Step => ({
  to: "failed",
  reason: code,
  message,
  set: { ...set, lastError: { code, message, at: new Date().toISOString() } },
});

const settled = ["lastError"] as const;

/**
 * One provider step for a deployment in its current state: look, act at most once, and say
 * what changed. Every action is safe to repeat: creates look for an earlier attempt first,
 * and stop/start/delete are idempotent at the provider.
 */
export async function advance(row: Row, p: Provider): Promise<Step> {
  switch (row.state) {
    case "queued": {
      if (!p.needsUpload(row.model))
        return { to: "provisioning", set: { modelName: row.model.source }, nextCheckSeconds: 0 };
      const upload =
        (await p.findUpload({ deploymentId: row.id })) ??
        (await p.startUpload({ deploymentId: row.id, model: { ...row.model, hfToken: row.hfToken } }));
      return { to: "uploading", set: uploadFields(upload), remove: ["hfToken"] };
    }
    case "uploading": {
      const upload = await p.getUpload(row.uploadJobId as string);
      if (upload.state === "complete")
        return { to: "provisioning", set: uploadFields(upload), nextCheckSeconds: 0 };
      if (upload.state === "failed") {
        return fail(
          "upload.failed",
          `The model upload failed at ${p.name}: ${upload.message ?? upload.raw}`,
          uploadFields(upload),
        );
      }
      return wait(row, uploadFields(upload));
    }
    case "provisioning":
    case "starting": {
      if (!row.endpointId) return wait(row, endpointFields(await findOrCreate(row, p)));
      const ep = await p.getEndpoint(row.endpointId);
      if (!ep)
        return fail("endpoint.missing", `The endpoint ${row.endpointId} no longer exists at ${p.name}.`);
      if (ep.state === "running") return { to: "ready", set: endpointFields(ep), remove: [...settled] };
      if (ep.state === "failed")
        return fail("endpoint.failed", failedMessage(p, ep, row), endpointFields(ep));
      if (ep.state === "stopped")
        return wait(row, endpointFields(await p.startEndpoint(ep.id, { autoscaling: row.autoscaling })));
      return wait(row, endpointFields(ep));
    }
    case "updating":
      return row.pending?.hardware ? replaceHardware(row, p, row.pending.hardware) : scale(row, p);
    case "stopping": {
      const ep = row.endpointId ? await p.getEndpoint(row.endpointId) : await findEarlier(row, p);
      if (!ep) {
        if (row.endpointId)
          return fail("endpoint.missing", `The endpoint ${row.endpointId} no longer exists at ${p.name}.`);
        return { to: "stopped", reason: row.stopReason, remove: [...settled] };
      }
      if (ep.state === "stopped")
        return { to: "stopped", reason: row.stopReason, set: endpointFields(ep), remove: [...settled] };
      if (ep.state === "failed")
        return fail("endpoint.failed", failedMessage(p, ep, row), endpointFields(ep));
      if (ep.state === "stopping") return wait(row, endpointFields(ep));
      return wait(row, endpointFields(await p.stopEndpoint(ep.id)));
    }
    case "deleting": {
      const earlier = row.endpointId ? undefined : await findEarlier(row, p);
      for (const id of [row.endpointId, row.replacementId, earlier?.id]) if (id) await p.deleteEndpoint(id);
      return { to: "deleted", reason: "manual", remove: ["hfToken", "pending", "replacementId"] };
    }
    case "ready":
    case "stopped":
      return watch(row, p);
    default:
      return {};
  }
}

async function findEarlier(row: Row, p: Provider) {
  return row.modelName ? p.findEndpoint({ displayName: displayName(row), model: row.modelName }) : undefined;
}

async function findOrCreate(row: Row, p: Provider, hardware = row.hardware, autoscaling = row.autoscaling) {
  const name = displayName(row, hardware === row.hardware ? undefined : hardware);
  const model = row.modelName as string;
  const found = await p.findEndpoint({ displayName: name, model });
  if (found) return found;
  return p.createEndpoint({
    deploymentId: row.id,
    displayName: name,
    model,
    hardware,
    autoscaling,
    // The provider's own inactivity stop is a backstop behind Hangar's; without an idle timeout, off.
    inactiveTimeoutMinutes: row.idleTimeoutMinutes ? row.idleTimeoutMinutes + 10 : 0,
  });
}

function failedMessage(p: Provider, ep: EndpointStatus, row: Row) {
  return `The endpoint ${ep.id} went to ${ep.raw} at ${p.name}. Check that ${row.hardware} can serve ${row.modelName ?? row.model.source} (GET /v1/hardware?provider=${p.name}&model=…), then delete and deploy again.`;
}

async function scale(row: Row, p: Provider): Promise<Step> {
  const ep = await p.getEndpoint(row.endpointId as string);
  if (!ep) return fail("endpoint.missing", `The endpoint ${row.endpointId} no longer exists at ${p.name}.`);
  const wanted = row.pending?.autoscaling ?? row.autoscaling;
  const current = ep.autoscaling;
  if (current && (current.minReplicas !== wanted.minReplicas || current.maxReplicas !== wanted.maxReplicas)) {
    return wait(row, endpointFields(await p.updateEndpoint(ep.id, { autoscaling: wanted })));
  }
  if (ep.state === "failed") return fail("endpoint.failed", failedMessage(p, ep, row), endpointFields(ep));
  if (ep.state !== "running") return wait(row, endpointFields(ep));
  return {
    to: "ready",
    set: { ...endpointFields(ep), autoscaling: wanted },
    remove: ["pending", ...settled],
  };
}

/**
 * Hardware can't change in place: a new endpoint is started beside the old one, and the old
 * one is deleted only once the new one serves. If the new one fails, the old one stays.
 */
async function replaceHardware(row: Row, p: Provider, hardware: string): Promise<Step> {
  const autoscaling = row.pending?.autoscaling ?? row.autoscaling;
  if (!row.replacementId)
    return wait(row, { replacementId: (await findOrCreate(row, p, hardware, autoscaling)).id });
  const ep = await p.getEndpoint(row.replacementId);
  if (!ep || ep.state === "failed") {
    if (ep) await p.deleteEndpoint(ep.id);
    const message = `The hardware change to ${hardware} failed at ${p.name} (${ep?.raw ?? "endpoint missing"}); the deployment keeps ${row.hardware}.`;
    return {
      to: "ready",
      reason: "update.failed",
      message,
      set: { lastError: { code: "update.failed", message, at: new Date().toISOString() } },
      remove: ["pending", "replacementId"],
    };
  }
  if (ep.state !== "running") return wait(row);
  if (row.endpointId) await p.deleteEndpoint(row.endpointId);
  return {
    to: "ready",
    set: { ...endpointFields(ep), hardware, autoscaling },
    remove: ["pending", "replacementId", ...settled],
  };
}

/** Settled deployments: notice what the provider did on its own. */
async function watch(row: Row, p: Provider): Promise<Step> {
  if (!row.endpointId) return {};
  const ep = await p.getEndpoint(row.endpointId);
  if (!ep) {
    const reason = `provider: the endpoint was deleted at ${p.name} outside Hangar`;
    if (row.state === "stopped") return { to: "deleted", reason, message: reason };
    return fail(
      "endpoint.missing",
      `The endpoint ${row.endpointId} was deleted at ${p.name} outside Hangar.`,
    );
  }
  if (row.state === "ready" && ep.state === "stopped") {
    const reason = `provider: ${p.name} stopped the endpoint (its inactivity timeout, or a stop outside Hangar)`;
    return { to: "stopped", reason, set: { ...endpointFields(ep), stopReason: reason } };
  }
  if (row.state === "stopped" && (ep.state === "running" || ep.state === "pending")) {
    return {
      to: "starting",
      reason: `provider: started at ${p.name} outside Hangar`,
      set: endpointFields(ep),
    };
  }
  if (ep.state === "failed") return fail("endpoint.failed", failedMessage(p, ep, row), endpointFields(ep));
  return { set: endpointFields(ep) };
}
