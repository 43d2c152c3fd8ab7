import type { AdapterStatus, Provider } from "../../provider";
import type { Row } from "../row";
import { load } from "../write";
import { fail, type Phase, type Step, settled, wait } from "./shared";

const adapterFields = (a: AdapterStatus): Partial<Row> => ({
  endpointId: a.id,
  endpointName: a.name,
  endpointState: a.raw,
});

function api(p: Provider) {
  if (!p.loadAdapter || !p.getAdapter || !p.unloadAdapter) throw new Error(`${p.name} cannot load adapters`);
  return { load: p.loadAdapter, get: p.getAdapter, unload: p.unloadAdapter };
}

/** The base, or the move the adapter makes because the base is gone or failed. */
async function baseOf(row: Row) {
  const base = await load(row.model.baseDeploymentId as string);
  if (!base || ["deleting", "deleted"].includes(base.state)) {
    const message = `The base deployment ${row.model.baseDeploymentId} is ${base?.state ?? "gone"}.`;
    return {
      gone: { to: "deleting", reason: "base_deleted", message, set: { stopReason: "base_deleted" } } as Step,
    };
  }
  if (base.state === "failed") {
    return { gone: fail("base_failed", `The base deployment ${base.id} failed.`) };
  }
  return { base } as const;
}

const baseStopped = (base: Row) => base.state === "stopping" || base.state === "stopped";

/** The base is stopping or stopped: the adapter goes with it, at once. */
function stopWithBase(): Step {
  return { to: "stopping", reason: "base_stopped", set: { stopReason: "base_stopped" }, nextCheckSeconds: 0 };
}

/**
 * provisioning and starting an adapter: wait for the base to serve, load the adapter onto it
 * (again, after a start, if the base's restart dropped it), wait until it answers.
 */
export const loadAdapter: Phase = async (row, p) => {
  const { base, gone } = await baseOf(row);
  if (gone) return gone;
  if (baseStopped(base)) return stopWithBase();
  if (base.state !== "ready" || !base.endpointId || !base.endpointName) return wait(row);
  const ref = { endpointId: base.endpointId, endpointName: base.endpointName };
  const adapter = row.endpointId ? await api(p).get({ ...ref, adapterId: row.endpointId }) : undefined;
  if (!adapter && (!row.endpointId || row.state === "starting")) {
    return wait(row, adapterFields(await api(p).load({ ...ref, modelName: row.modelName as string })));
  }
  if (!adapter)
    return fail("adapter.missing", `The adapter ${row.endpointId} is no longer loaded at ${p.name}.`);
  if (adapter.state === "running") return { to: "ready", set: adapterFields(adapter), remove: [...settled] };
  if (adapter.state === "failed") {
    return fail(
      "adapter.failed",
      `${p.name} could not load the adapter (${adapter.raw}).`,
      adapterFields(adapter),
    );
  }
  return wait(row, adapterFields(adapter));
};

/** The adapter stops with its base: stopped once the base is. */
export const stopAdapter: Phase = async (row) => {
  const { base, gone } = await baseOf(row);
  if (gone) return gone;
  if (base.state === "stopped")
    return { to: "stopped", reason: "base_stopped", set: { stopReason: "base_stopped" } };
  return wait(row);
};

/** A stopped adapter starts with its base. */
export const stoppedAdapter: Phase = async (row) => {
  const { base, gone } = await baseOf(row);
  if (gone) return gone;
  if (base.state === "starting" || base.state === "ready") {
    return { to: "starting", reason: "base_started", remove: ["stopReason"], nextCheckSeconds: 0 };
  }
  return {};
};

/** The base's endpoint takes its adapters with it when it goes: nothing to unload then. */
export const unloadAdapter: Phase = async (row, p) => {
  const base = await load(row.model.baseDeploymentId as string);
  const live = base && !["deleting", "deleted"].includes(base.state);
  if (live && row.endpointId && base.endpointId && base.endpointName) {
    await api(p).unload({
      endpointId: base.endpointId,
      endpointName: base.endpointName,
      adapterId: row.endpointId,
    });
  }
  const reason = row.stopReason === "base_deleted" ? "base_deleted" : "manual";
  return { to: "deleted", reason, remove: ["hfToken"] };
};

/** A ready adapter: still loaded, and its base still serving? */
export const watchAdapter: Phase = async (row, p) => {
  const { base, gone } = await baseOf(row);
  if (gone) return gone;
  if (baseStopped(base)) return stopWithBase();
  if (!row.endpointId || !base.endpointId || !base.endpointName) return {};
  const adapter = await api(p).get({
    endpointId: base.endpointId,
    endpointName: base.endpointName,
    adapterId: row.endpointId,
  });
  if (!adapter)
    return fail("adapter.missing", `The adapter ${row.endpointId} was unloaded at ${p.name} outside Hangar.`);
  if (adapter.state === "failed")
    return fail("adapter.failed", `${p.name} reports the adapter ${adapter.raw}.`);
  return { set: adapterFields(adapter) };
};
