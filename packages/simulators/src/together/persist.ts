import { loadJson, saveJson } from "../shared/persist";
import type { SimEndpoint } from "./endpoints";
import type { SimJob, SimModel } from "./jobs";
import type { SimState } from "./state";
import { loadV2, saveV2, type V2Snapshot } from "./v2/persist";

/** `v2` is absent from snapshots written before v2 existed. */
type Snapshot = { endpoints: SimEndpoint[]; jobs: SimJob[]; models: SimModel[]; v2?: V2Snapshot };

/**
 * Keeps the simulated account across restarts, as a real provider would: Hangar's stored
 * deployments keep pointing at endpoints that still exist. Written atomically on close.
 */
export function loadState(state: SimState, path: string) {
  const snapshot = loadJson<Snapshot>(path);
  if (!snapshot) return;
  // Snapshots written before adapters existed have none bound.
  for (const e of snapshot.endpoints) state.endpoints.set(e.id, { ...e, adapters: e.adapters ?? [] });
  for (const j of snapshot.jobs) state.jobs.set(j.job_id, j);
  for (const m of snapshot.models) state.models.set(m.id, m);
  loadV2(state.v2, snapshot.v2);
}

export function saveState(state: SimState, path: string) {
  const snapshot: Snapshot = {
    endpoints: [...state.endpoints.values()],
    jobs: [...state.jobs.values()],
    models: [...state.models.values()],
    v2: saveV2(state.v2),
  };
  saveJson(path, snapshot);
}
