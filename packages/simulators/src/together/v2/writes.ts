import type {
  DeploymentAutoscaling,
  EndpointDeployment,
} from "together-ai/resources/beta/endpoints/endpoints";
import type { SimState } from "../state";
import { boundsProblem, mergeAutoscaling, withDefaults } from "./autoscaling";
import {
  advanceDeployments,
  deploymentView,
  fullName,
  type SimDeployment,
  scaleDeployment,
  settle,
  stopDeployment,
} from "./deployments";
import { type SimV2Endpoint, touch } from "./endpoints";
import { ALREADY_EXISTS, FAILED_PRECONDITION, type Refusal } from "./errors";
import { emit } from "./events";
import { offeredRegions, placementProfiles, regions } from "./hardware";
import { newEtag, newId } from "./ids";
import { resolveDeployable } from "./resolve";

export const TERMINAL =
  "the deployment is in a terminal FAILED state and cannot be restarted; create a new deployment";
export const NOT_STOPPED = "the deployment must be stopped before it can be restarted";
export const IN_SPLIT =
  "the deployment is referenced by an endpoint's traffic split and cannot be deleted; please drop traffic split weight to 0 before deleting the deployment";

const NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,62})$/;

export type Written<T> = { ok: true; value: T } | ({ ok: false } & Refusal);
const refuse = (status: Refusal["status"], message: string, code?: number): { ok: false } & Refusal => ({
  ok: false,
  status,
  message,
  ...(code === undefined ? {} : { code }),
});

export type CreateInput = {
  name: string;
  autoscaling: DeploymentAutoscaling;
  model?: string;
  modelId?: string;
  modelRevisionId?: string;
  config?: string;
  configId?: string;
  enableLora?: boolean;
  placement?: EndpointDeployment["placement"];
  /** Fields the SDK doesn't know, echoed back as given. */
  extra: Record<string, unknown>;
};

/** `qwen` or `<slug>/<endpoint>/qwen`; undefined when it isn't a valid deployment name. */
function bare(state: SimState, endpoint: SimV2Endpoint | undefined, raw: string): string | undefined {
  const prefix = `${state.v2.project.slug}/${endpoint?.name ?? ""}/`;
  const name = raw.startsWith(prefix) ? raw.slice(prefix.length) : raw;
  return NAME.test(name) ? name : undefined;
}

function taken(state: SimState, endpointId: string, name: string, except?: SimDeployment): boolean {
  return [...state.v2.deployments.values()].some(
    (d) => d !== except && d.endpointId === endpointId && d.name === name,
  );
}

function placementProblem(state: SimState, input: CreateInput): Refusal | undefined {
  const placement = input.placement;
  if (!placement) return undefined;
  if ("profile" in placement) {
    const known = placementProfiles(state.v2.project).some((p) => p.id === placement.profile);
    return known ? undefined : { status: 404, message: `placement profile ${placement.profile} not found` };
  }
  const wanted = placement.inline.regions ?? [];
  const unknown = wanted.find((r) => !(regions as readonly string[]).includes(r));
  if (unknown)
    return { status: 400, message: `unknown region ${unknown}; regions are ${regions.join(", ")}` };
  return undefined;
}

/**
 * A new deployment of `endpoint`, checked the way Together checks a create: unique name, bounds,
 * a validated model revision and a compatible config, known regions. With `validateOnly` nothing
 * is stored. It provisions at once unless created stopped (0/0).
 */
export function createDeployment(
  state: SimState,
  endpoint: SimV2Endpoint,
  input: CreateInput,
  validateOnly: boolean,
): Written<SimDeployment> {
  const name = bare(state, endpoint, input.name);
  if (!name) return refuse(400, `invalid name: ${input.name}; use letters, digits, '.', '_' or '-'`);
  advanceDeployments(state);
  if (taken(state, endpoint.id, name)) return refuse(409, "Already Exists", ALREADY_EXISTS);
  const autoscaling = withDefaults(input.autoscaling);
  const problem = boundsProblem(autoscaling);
  if (problem) return refuse(400, problem);
  const resolved = resolveDeployable(state, input);
  if (!resolved.ok) return refuse(resolved.status, resolved.message);
  const type = resolved.config.type;
  const placement = placementProblem(state, input);
  if (placement) return { ok: false, ...placement };
  const inline = input.placement && "inline" in input.placement ? input.placement.inline : undefined;
  const offered = offeredRegions(type, state.v2.capacity);
  if (inline?.constraint === "ENFORCEMENT_REQUIRED" && !inline.regions?.some((r) => offered.includes(r)))
    return refuse(
      400,
      `none of the required regions ${inline.regions?.join(", ")} offers ${type.name}; it is offered in ${offered.join(", ")}`,
      FAILED_PRECONDITION,
    );
  const now = state.now();
  const d: SimDeployment = {
    id: newId("dep"),
    endpointId: endpoint.id,
    name,
    modelId: resolved.model.id,
    modelProject: resolved.model.projectId,
    revisionId: resolved.revision.id,
    configId: resolved.config.id,
    configProject: resolved.config.model.projectId,
    hardware: type.name,
    autoscaling,
    enableLora: input.enableLora ?? false,
    ...(input.placement ? { placement: input.placement } : {}),
    extra: input.extra,
    desired: 0,
    scheduled: 0,
    ready: 0,
    state: "DEPLOYMENT_STATE_STOPPED",
    message: "Deployment stopped",
    ops: [],
    createdAt: now,
    updatedAt: now,
    etag: newEtag(),
  };
  if (validateOnly) return { ok: true, value: d };
  state.v2.deployments.set(d.id, d);
  emit(state, {
    endpointId: endpoint.id,
    deploymentId: d.id,
    type: "deployment.created",
    name: fullName(state, d),
    message: "Deployment created",
  });
  if ((autoscaling.minReplicas ?? 0) > 0) scaleDeployment(state, d);
  else settle(state, d, now);
  return { ok: true, value: d };
}

export type UpdateInput = {
  etag?: string;
  /** The `updateMask` paths, or the populated fields when there was none. */
  paths: string[];
  masked: boolean;
  fields: Record<string, unknown> & { name?: string; autoscaling?: DeploymentAutoscaling };
};

/**
 * PATCH: bounds 0/0 stop (unless `/_sim/stops/ignore-next` swallows it), bounds ≥ 1 start a
 * STOPPED deployment or rescale a running one; FAILED never restarts. Answers the view to send.
 */
export function updateDeployment(
  state: SimState,
  d: SimDeployment,
  input: UpdateInput,
): Written<EndpointDeployment> {
  const { paths, fields } = input;
  if (input.etag && input.etag !== d.etag)
    return refuse(409, "the deployment was modified concurrently (etag mismatch); re-read it and retry");
  if (paths.length === 0) return refuse(400, "no fields to update");
  const scaling = paths.some((p) => p === "autoscaling" || p.startsWith("autoscaling."));
  const autoscaling = scaling
    ? mergeAutoscaling(d.autoscaling, fields.autoscaling ?? {}, input.masked ? paths : undefined)
    : d.autoscaling;
  const problem = boundsProblem(autoscaling);
  if (problem) return refuse(400, problem);
  const stop = (autoscaling.maxReplicas ?? 0) === 0;
  const wasStopped = d.desired === 0;
  if (scaling && !stop && d.failure) return refuse(400, TERMINAL, FAILED_PRECONDITION);
  if (scaling && !stop && wasStopped && d.state !== "DEPLOYMENT_STATE_STOPPED")
    return refuse(400, NOT_STOPPED, FAILED_PRECONDITION);
  const endpoint = state.v2.endpoints.get(d.endpointId);
  const name = paths.includes("name") && fields.name ? bare(state, endpoint, fields.name) : d.name;
  if (!name) return refuse(400, `invalid name: ${fields.name}`);
  if (name !== d.name && taken(state, d.endpointId, name, d))
    return refuse(409, "Already Exists", ALREADY_EXISTS);
  if (scaling && stop && !wasStopped && state.ignoreNextStops > 0) {
    // A stop the provider acknowledges but never carries out (as v1's and Fireworks' simulators do):
    // 200 with the deployment as it is, and nothing changes.
    state.ignoreNextStops--;
    return { ok: true, value: deploymentView(state, d) };
  }
  d.name = name;
  d.autoscaling = autoscaling;
  // enableLora isn't in the SDK's update params, but one CLI version toggles it: be liberal.
  if (paths.includes("enableLora") && typeof fields.enableLora === "boolean")
    d.enableLora = fields.enableLora;
  for (const path of paths)
    if (!path.startsWith("autoscaling") && path !== "name" && path !== "enableLora")
      d.extra[path] = fields[path];
  touch(state, d);
  emit(state, {
    endpointId: d.endpointId,
    deploymentId: d.id,
    type: "deployment.updated",
    paths,
    message: "Deployment updated",
  });
  if (scaling && stop && !wasStopped && !d.failure) stopDeployment(state, d);
  else if (scaling && !stop) scaleDeployment(state, d);
  return { ok: true, value: deploymentView(state, d) };
}

/** DELETE: only a STOPPED (or FAILED) deployment with no weight in its endpoint's split. */
export function deleteDeployment(state: SimState, d: SimDeployment, etag: string | undefined): Written<true> {
  if (etag && etag !== d.etag)
    return refuse(409, "the deployment was modified concurrently (etag mismatch); re-read it and retry");
  if (d.state === "DEPLOYMENT_STATE_STOPPING")
    return refuse(409, "the deployment is still stopping; delete it once it is DEPLOYMENT_STATE_STOPPED");
  if (d.state !== "DEPLOYMENT_STATE_STOPPED" && !d.failure)
    return refuse(
      400,
      "the deployment must be stopped before it can be deleted; set minReplicas and maxReplicas to 0 first",
      FAILED_PRECONDITION,
    );
  const endpoint = state.v2.endpoints.get(d.endpointId);
  if (endpoint?.trafficSplit.some((e) => e.deploymentId === d.id && e.weight > 0))
    return refuse(400, IN_SPLIT, FAILED_PRECONDITION);
  if (state.ignoreNextDeletes > 0) {
    // A delete acknowledged and not done (/_sim/deletes/ignore-next): the deployment stays listed.
    state.ignoreNextDeletes--;
    return { ok: true, value: true };
  }
  const name = fullName(state, d);
  if (endpoint?.trafficSplit.some((e) => e.deploymentId === d.id)) {
    endpoint.trafficSplit = endpoint.trafficSplit.filter((e) => e.deploymentId !== d.id);
    touch(state, endpoint);
  }
  state.v2.deployments.delete(d.id);
  state.v2.adapters.delete(d.id);
  emit(state, {
    endpointId: d.endpointId,
    deploymentId: d.id,
    type: "deployment.deleted",
    name,
    message: "Deployment deleted",
  });
  return { ok: true, value: true };
}
