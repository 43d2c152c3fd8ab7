import type { SimState } from "../state";
import { adaptersOf, loadState } from "./adapters";
import { advanceDeployments, type SimDeployment, shares } from "./deployments";
import { endpointByName, type SimV2Endpoint } from "./endpoints";
import { findModel } from "./lookup";
import { pickDeployment } from "./split";

export type V2Route =
  | { ok: true; endpoint: SimV2Endpoint; deployment: SimDeployment; served: string; adapter?: string }
  | { ok: false; endpoint: SimV2Endpoint; status: 400 | 404; code: string; message: string };

function adapterReady(state: SimState, d: SimDeployment, adapter: string): boolean {
  return adaptersOf(state, d.id).some((a) => {
    const model = findModel(state, a.adapterModelId);
    const named =
      a.adapterModelId === adapter ||
      model?.name === adapter ||
      `${state.v2.project.slug}/${model?.name}` === adapter;
    return named && loadState(state, d, a).state === "ADAPTER_LOAD_STATE_READY";
  });
}

/**
 * Where a v2 inference `model` goes: `<slug>/<endpoint>` is split-weighted over deployments with
 * ready replicas, `<slug>/<endpoint>/<deployment>` is pinned, and either may end in `:<adapter>`.
 * Undefined when the string names no v2 endpoint. Traffic never wakes a stopped deployment.
 */
export function routeV2(state: SimState, model: string, random = Math.random()): V2Route | undefined {
  const colon = model.indexOf(":");
  const target = colon > 0 ? model.slice(0, colon) : model;
  const adapter = colon > 0 ? model.slice(colon + 1) : undefined;
  const slug = state.v2.project.slug;
  if (!target.startsWith(`${slug}/`)) return undefined;
  const [endpointName, deploymentName, ...rest] = target.slice(slug.length + 1).split("/");
  if (rest.length > 0 || !endpointName) return undefined;
  const endpoint = endpointByName(state, `${slug}/${endpointName}`);
  if (!endpoint) return undefined;
  advanceDeployments(state);
  const all = [...state.v2.deployments.values()].filter((d) => d.endpointId === endpoint.id);
  const pinned = deploymentName === undefined ? undefined : all.find((d) => d.name === deploymentName);
  if (deploymentName !== undefined && !pinned)
    return {
      ok: false,
      endpoint,
      status: 404,
      code: "model_not_available",
      message: `Unable to access model ${model}: no deployment ${deploymentName} under ${slug}/${endpointName}.`,
    };
  const usable = (d: SimDeployment) => d.ready > 0 && (!adapter || adapterReady(state, d, adapter));
  let chosen: SimDeployment | undefined;
  if (pinned) chosen = usable(pinned) ? pinned : undefined;
  else {
    const weights = shares(state, endpoint.id);
    for (const [id] of weights) {
      const d = state.v2.deployments.get(id);
      if (!d || !usable(d)) weights.set(id, 0);
    }
    const total = [...weights.values()].reduce((s, w) => s + w, 0);
    const id =
      total > 0 ? pickDeployment(new Map([...weights].map(([k, w]) => [k, w / total])), random) : undefined;
    chosen = id ? state.v2.deployments.get(id) : undefined;
  }
  if (chosen)
    return { ok: true, endpoint, deployment: chosen, served: target, ...(adapter ? { adapter } : {}) };
  if (adapter && (pinned ? pinned.ready > 0 : all.some((d) => d.ready > 0)))
    return {
      ok: false,
      endpoint,
      status: 404,
      code: "model_not_available",
      message: `Unable to access model ${model}: adapter ${adapter} is not loaded on a serving deployment.`,
    };
  const candidates = pinned ? [pinned] : all;
  const nothingUp = candidates.length > 0 && candidates.every((d) => d.ready === 0);
  return nothingUp
    ? {
        ok: false,
        endpoint,
        status: 400,
        code: "endpoint_not_ready",
        message: `The endpoint ${target} is not ready: none of its deployments has a ready replica. Start a deployment (minReplicas >= 1) and wait for DEPLOYMENT_STATE_READY.`,
      }
    : {
        ok: false,
        endpoint,
        status: 400,
        code: "endpoint_not_configured",
        message: `The endpoint ${target} has no routable deployment: give a ready deployment a positive weight in its trafficSplit.`,
      };
}
