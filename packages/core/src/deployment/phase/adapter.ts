import type { AdapterStatus, Provider } from "../../provider";
import type { Row } from "../row";
import { load } from "../write";
import { fail, type Phase, settled, wait } from "./shared";

const adapterFields = (a: AdapterStatus): Partial<Row> => ({
  endpointId: a.id,
  endpointName: a.name,
  endpointState: a.raw,
});

function api(p: Provider) {
  if (!p.loadAdapter || !p.getAdapter || !p.unloadAdapter) throw new Error(`${p.name} cannot load adapters`);
  return { load: p.loadAdapter, get: p.getAdapter, unload: p.unloadAdapter };
}

async function baseOf(row: Row) {
  const base = await load(row.model.baseDeploymentId as string);
  if (!base || ["deleting", "deleted", "failed"].includes(base.state)) {
    return {
      gone: `The base deployment ${row.model.baseDeploymentId} is ${base?.state ?? "gone"}.`,
    } as const;
  }
  return { base } as const;
}

/** provisioning an adapter: wait for the base to serve, load the adapter onto it, wait until it answers. */
export const loadAdapter: Phase = async (row, p) => {
  const { base, gone } = await baseOf(row);
  if (gone) return fail("adapter.base_gone", gone);
  if (base.state !== "ready" || !base.endpointId || !base.endpointName) return wait(row);
  const ref = { endpointId: base.endpointId, endpointName: base.endpointName };
  if (!row.endpointId) {
    return wait(row, adapterFields(await api(p).load({ ...ref, modelName: row.modelName as string })));
  }
  const adapter = await api(p).get({ ...ref, adapterId: row.endpointId });
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

export const unloadAdapter: Phase = async (row, p) => {
  const base = await load(row.model.baseDeploymentId as string);
  if (row.endpointId && base?.endpointId && base.endpointName) {
    await api(p).unload({
      endpointId: base.endpointId,
      endpointName: base.endpointName,
      adapterId: row.endpointId,
    });
  }
  return { to: "deleted", reason: "manual", remove: ["hfToken"] };
};

/** A ready adapter: still loaded, and its base still there? */
export const watchAdapter: Phase = async (row, p) => {
  const { base, gone } = await baseOf(row);
  if (gone) return fail("adapter.base_gone", gone);
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
