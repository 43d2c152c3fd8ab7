import type { SimState } from "../state";
import { adaptersOf } from "./adapters";
import { advanceDeployments, deploymentView } from "./deployments";
import { endpointView } from "./endpoints";
import { allModels } from "./lookup";
import { modelView } from "./models";
import { uploadView } from "./uploads";

/** What `GET /_sim/state` shows of v2: everything as the API would answer it, plus capacity and counters. */
export function v2Snapshot(state: SimState) {
  advanceDeployments(state);
  const v2 = state.v2;
  return {
    project: v2.project,
    endpoints: [...v2.endpoints.values()].map((e) => endpointView(state, e)),
    deployments: [...v2.deployments.values()].map((d) => ({
      ...deploymentView(state, d),
      region: d.region ?? null,
      adapters: adaptersOf(state, d.id).map((a) => a.adapterModelId),
    })),
    models: allModels(state)
      .filter((m) => !m.platform)
      .map((m) => modelView(state, m)),
    uploads: [...v2.uploads.values()].map((u) => uploadView(state, u)),
    capacity: v2.capacity,
    events: v2.events.length,
    requests: v2.requests.length,
  };
}
