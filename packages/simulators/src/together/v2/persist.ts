import type { SimAdapter } from "./adapters";
import type { RequestRecord } from "./analytics";
import type { SimDeployment } from "./deployments";
import type { SimV2Endpoint } from "./endpoints";
import type { SimEvent } from "./events";
import type { Capacity } from "./hardware";
import type { SimV2Model } from "./models";
import type { V2State } from "./state";
import type { SimUpload } from "./uploads";

export type V2Snapshot = {
  endpoints: SimV2Endpoint[];
  deployments: SimDeployment[];
  models: SimV2Model[];
  uploads: SimUpload[];
  adapters: [string, SimAdapter[]][];
  events: SimEvent[];
  requests: RequestRecord[];
  capacity: Capacity;
  seq: number;
};

export function saveV2(v2: V2State): V2Snapshot {
  return {
    endpoints: [...v2.endpoints.values()],
    deployments: [...v2.deployments.values()],
    models: [...v2.models.values()],
    uploads: [...v2.uploads.values()],
    adapters: [...v2.adapters.entries()],
    events: v2.events,
    requests: v2.requests,
    capacity: v2.capacity,
    seq: v2.seq,
  };
}

export function loadV2(v2: V2State, snapshot: V2Snapshot | undefined) {
  if (!snapshot) return;
  for (const e of snapshot.endpoints) v2.endpoints.set(e.id, e);
  for (const d of snapshot.deployments) v2.deployments.set(d.id, d);
  for (const m of snapshot.models) v2.models.set(m.id, m);
  for (const u of snapshot.uploads) v2.uploads.set(u.id, u);
  for (const [id, list] of snapshot.adapters) v2.adapters.set(id, list);
  v2.events = snapshot.events;
  v2.requests = snapshot.requests;
  v2.capacity = snapshot.capacity;
  v2.seq = snapshot.seq;
}
