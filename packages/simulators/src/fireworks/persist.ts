import { loadJson, saveJson } from "../shared/persist";
import type { SimDeployedModel, SimDeployment } from "./deployments";
import type { SimModel } from "./models";
import type { SimState } from "./state";

type Snapshot = {
  models: SimModel[];
  deployments: SimDeployment[];
  deployedModels: SimDeployedModel[];
  offsetMs: number;
};

/**
 * Keeps the simulated account across restarts, as Fireworks would: Hangar's stored deployments
 * keep pointing at deployments that still exist. Written atomically on close.
 */
export function loadState(state: SimState, path: string) {
  const snapshot = loadJson<Snapshot>(path);
  if (!snapshot) return;
  for (const m of snapshot.models) state.models.set(m.id, m);
  for (const d of snapshot.deployments) state.deployments.set(d.id, d);
  for (const m of snapshot.deployedModels) state.deployedModels.set(m.id, m);
  state.offsetMs = snapshot.offsetMs ?? 0;
}

export function saveState(state: SimState, path: string) {
  const snapshot: Snapshot = {
    models: [...state.models.values()],
    deployments: [...state.deployments.values()],
    deployedModels: [...state.deployedModels.values()],
    offsetMs: state.offsetMs,
  };
  saveJson(path, snapshot);
}
