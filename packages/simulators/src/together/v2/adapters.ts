import type { AdapterRetrieveResponse } from "together-ai/resources/beta/endpoints/adapters";
import { iso, type SimState } from "../state";
import type { SimDeployment } from "./deployments";
import { newEtag } from "./ids";

export type SimAdapter = {
  adapterModelId: string;
  adapterProject: string;
  revisionId: string;
  etag: string;
  /** When the current revision was asked for; loading runs from here. */
  requestedAt: number;
  /** Set on detach; the row shows REMOVING until it is gone. */
  removingAt?: number;
};

/** Adapters one deployment holds at once (Together's v1 table: 5–16 per model). */
export const ADAPTER_CAPACITY = 8;

type LoadState = AdapterRetrieveResponse.PerCluster["state"];

export function adaptersOf(state: SimState, deploymentId: string): SimAdapter[] {
  const now = state.now();
  const all = state.v2.adapters.get(deploymentId) ?? [];
  const live = all.filter(
    (a) => a.removingAt === undefined || now < a.removingAt + state.step("endpointStoppingMs"),
  );
  if (live.length !== all.length) state.v2.adapters.set(deploymentId, live);
  return live;
}

/** PENDING until the deployment has a ready replica and a step has passed, LOADING for another, then READY. */
export function loadState(
  state: SimState,
  d: SimDeployment,
  a: SimAdapter,
): { state: LoadState; since: number } {
  const now = state.now();
  if (a.removingAt !== undefined) return { state: "ADAPTER_LOAD_STATE_REMOVING", since: a.removingAt };
  const loading = a.requestedAt + state.step("endpointPendingMs");
  const ready = loading + state.step("endpointStartingMs");
  if (d.ready === 0 || now < loading) return { state: "ADAPTER_LOAD_STATE_PENDING", since: a.requestedAt };
  if (now < ready) return { state: "ADAPTER_LOAD_STATE_LOADING", since: loading };
  return { state: "ADAPTER_LOAD_STATE_READY", since: ready };
}

export function attach(
  state: SimState,
  deploymentId: string,
  adapter: Omit<SimAdapter, "etag" | "requestedAt">,
) {
  const list = adaptersOf(state, deploymentId).filter((a) => a.adapterModelId !== adapter.adapterModelId);
  const row: SimAdapter = { ...adapter, etag: newEtag(), requestedAt: state.now() };
  state.v2.adapters.set(deploymentId, [...list, row]);
  return row;
}

export function adapterView(state: SimState, d: SimDeployment, a: SimAdapter): AdapterRetrieveResponse {
  const load = loadState(state, d, a);
  const model = `projects/${a.adapterProject}/models/${a.adapterModelId}`;
  const ready = load.state === "ADAPTER_LOAD_STATE_READY";
  return {
    adapterModelId: a.adapterModelId,
    adapterModel: model,
    desiredRevisionId: a.revisionId,
    desiredRevision: `${model}/revisions/${a.revisionId}`,
    etag: a.etag,
    perCluster: [
      {
        adapterModelId: a.adapterModelId,
        adapterModel: model,
        clusterId: d.region ?? "unscheduled",
        state: load.state,
        readyPodCount: ready ? d.ready : 0,
        failedPodCount: 0,
        totalPodCount: d.scheduled,
        updatedAt: iso(load.since),
        ...(ready
          ? {
              loadedAt: iso(load.since),
              realizedEtag: a.etag,
              realizedRevisionId: a.revisionId,
              realizedRevision: `${model}/revisions/${a.revisionId}`,
            }
          : {}),
      },
    ],
  };
}
