import type {
  DeploymentAutoscaling,
  DeploymentStatus,
  EndpointDeployment,
  EndpointDeploymentSummary,
} from "together-ai/resources/beta/endpoints/endpoints";
import { iso, type SimState } from "../state";
import { emit } from "./events";
import {
  candidateRegions,
  headroom,
  instanceType,
  offeredRegions,
  type Placement,
  place,
  placementProfiles,
} from "./hardware";
import { trafficShares } from "./split";

export type DeploymentState = DeploymentStatus["state"];

type Op = { at: number; op: "place" | "ready" | "drain" | "timeout"; n?: number };

/** A run with no ready replica this long after it started fails (Together: 6 hours), in simulated minutes. */
export const READINESS_TIMEOUT_MINUTES = 360;

export type SimDeployment = {
  id: string;
  endpointId: string;
  /** Bare; the wire name is `<slug>/<endpoint>/<name>`. */
  name: string;
  modelId: string;
  modelProject: string;
  revisionId: string;
  configId: string;
  configProject: string;
  /** Instance-type name, `1xnvidia-h100-80gb`. */
  hardware: string;
  autoscaling: DeploymentAutoscaling;
  enableLora: boolean;
  placement?: EndpointDeployment["placement"];
  /** Fields the SDK doesn't know (`inactiveTimeout`, …), echoed back as given. */
  extra: Record<string, unknown>;
  desired: number;
  scheduled: number;
  ready: number;
  /** Where its replicas run; unset while it has none. */
  region?: string;
  /** A replica became ready since the last start; from then on it degrades but never times out. */
  everReady?: boolean;
  state: DeploymentState;
  message: string;
  failure?: string;
  ops: Op[];
  createdAt: number;
  updatedAt: number;
  etag: string;
};

export const CAPACITY_MESSAGE = "Cannot place replicas: insufficient GPU capacity";

export function deploymentsOf(state: SimState, endpointId: string): SimDeployment[] {
  advanceDeployments(state);
  return [...state.v2.deployments.values()].filter((d) => d.endpointId === endpointId);
}

/** GPUs of `accelerator` that scheduled replicas hold in `region`. */
export function usedGpus(state: SimState, accelerator: string, region: string): number {
  let used = 0;
  for (const d of state.v2.deployments.values()) {
    const type = instanceType(d.hardware);
    if (d.region === region && type?.accelerator === accelerator)
      used += d.scheduled * type.hardware.gpu_count;
  }
  return used;
}

function placementConfig(state: SimState, d: SimDeployment): Placement | undefined {
  if (!d.placement) return undefined;
  if ("inline" in d.placement) return d.placement.inline;
  const id = d.placement.profile;
  const profile = placementProfiles(state.v2.project).find((p) => p.id === id);
  return profile ? { regions: profile.preferredRegions, constraint: "ENFORCEMENT_PREFERRED" } : undefined;
}

function tryPlace(state: SimState, d: SimDeployment, at: number) {
  const type = instanceType(d.hardware);
  if (!type) return;
  const candidates = candidateRegions(offeredRegions(type, state.v2.capacity), placementConfig(state, d));
  const room = (region: string) =>
    headroom(type, region, state.v2.capacity, usedGpus(state, type.accelerator, region));
  const spot = place(d.desired - d.scheduled, d.scheduled > 0 ? d.region : undefined, candidates, room);
  if (!spot) return;
  d.region = spot.region;
  d.scheduled += spot.count;
  addOp(d, { at: at + state.step("endpointStartingMs"), op: "ready", n: spot.count });
  emit(state, {
    endpointId: d.endpointId,
    deploymentId: d.id,
    at,
    type: "condition.set",
    subjectId: "ReplicasScheduled",
    reason: "ReplicasProgressing",
    status: "True",
    clusterId: spot.region,
    message: `Scheduled ${spot.count} replica(s) in ${spot.region}`,
  });
}

function scaled(state: SimState, d: SimDeployment, at: number, oldReplicas: number) {
  if (oldReplicas === d.ready) return;
  emit(state, {
    endpointId: d.endpointId,
    deploymentId: d.id,
    at,
    type: "deployment.scaled",
    oldReplicas,
    newReplicas: d.ready,
    ...(d.region ? { clusterId: d.region } : {}),
    message: `Scaled to ${d.ready} replica${d.ready === 1 ? "" : "s"}`,
  });
}

function apply(state: SimState, d: SimDeployment, op: Op) {
  const old = d.ready;
  if (op.op === "place") tryPlace(state, d, op.at);
  if (op.op === "ready") {
    d.ready = Math.min(d.scheduled, d.ready + (op.n ?? 0));
    if (d.ready > 0) d.everReady = true;
  }
  if (op.op === "timeout" && !d.everReady && d.desired > 0) {
    failDeployment(state, d, "Timed out waiting for readiness", op.at);
    return;
  }
  if (op.op === "drain") {
    d.scheduled = Math.min(d.scheduled, d.desired);
    d.ready = Math.min(d.ready, d.desired);
    if (d.scheduled === 0) d.region = undefined;
  }
  scaled(state, d, op.at, old);
}

function derive(d: SimDeployment): { state: DeploymentState; message: string } {
  const placing = d.ops.some((o) => o.op === "place");
  if (d.failure) return { state: "DEPLOYMENT_STATE_FAILED", message: d.failure };
  if (d.desired === 0)
    return d.scheduled > 0
      ? { state: "DEPLOYMENT_STATE_STOPPING", message: "Draining replicas" }
      : { state: "DEPLOYMENT_STATE_STOPPED", message: "Deployment stopped" };
  if (placing && d.scheduled === 0)
    return { state: "DEPLOYMENT_STATE_PROVISIONING", message: "Scheduling replicas" };
  if (d.scheduled < d.desired && !placing)
    return { state: "DEPLOYMENT_STATE_DEGRADED", message: CAPACITY_MESSAGE };
  if (d.ready === d.desired && d.scheduled === d.desired)
    return { state: "DEPLOYMENT_STATE_READY", message: "All replicas ready" };
  if (d.ready > d.desired) return { state: "DEPLOYMENT_STATE_SCALING", message: "Scaling down" };
  return { state: "DEPLOYMENT_STATE_SCALING", message: "Starting replicas" };
}

/** Re-derives the state after a change at `at`, and records a transition as events. */
export function settle(state: SimState, d: SimDeployment, at: number) {
  const next = derive(d);
  if (next.state === d.state && next.message === d.message) return;
  const previous = d.state;
  d.state = next.state;
  d.message = next.message;
  if (previous === next.state) return;
  const bad = next.state === "DEPLOYMENT_STATE_DEGRADED" || next.state === "DEPLOYMENT_STATE_FAILED";
  emit(state, {
    endpointId: d.endpointId,
    deploymentId: d.id,
    at,
    type: "deployment.status_updated",
    level: next.state === "DEPLOYMENT_STATE_FAILED" ? "LEVEL_ERROR" : bad ? "LEVEL_WARN" : "LEVEL_INFO",
    status: next.state,
    message: next.message,
    ...(d.region ? { clusterId: d.region } : {}),
  });
  if (next.state === "DEPLOYMENT_STATE_READY" || bad) {
    emit(state, {
      endpointId: d.endpointId,
      deploymentId: d.id,
      at,
      type: "condition.set",
      level: bad ? "LEVEL_WARN" : "LEVEL_INFO",
      subjectId: "Ready",
      reason: next.state === "DEPLOYMENT_STATE_READY" ? "AllReplicasReady" : "InsufficientCapacity",
      status: next.state === "DEPLOYMENT_STATE_READY" ? "True" : "False",
      message: next.message,
    });
  }
}

/**
 * Applies every due step of every deployment in time order (they compete for the same GPUs),
 * then lets deployments short of replicas try again with whatever capacity is free now.
 */
export function advanceDeployments(state: SimState) {
  const now = state.now();
  const all = [...state.v2.deployments.values()];
  for (;;) {
    let due: SimDeployment | undefined;
    for (const d of all) {
      const at = d.ops[0]?.at;
      if (at !== undefined && at <= now && (!due || at < (due.ops[0]?.at ?? Infinity))) due = d;
    }
    if (!due) break;
    const op = due.ops.shift()!;
    apply(state, due, op);
    settle(state, due, op.at);
  }
  for (const d of all) {
    if (d.failure || d.desired === 0 || d.scheduled >= d.desired || d.ops.some((o) => o.op === "place"))
      continue;
    tryPlace(state, d, now);
    settle(state, d, now);
  }
}

export function addOp(d: SimDeployment, op: Op) {
  d.ops.push(op);
  d.ops.sort((a, b) => a.at - b.at);
}

/** Stop: bounds 0/0; ready replicas keep serving while they drain, unready ones are dropped. */
export function stopDeployment(state: SimState, d: SimDeployment) {
  const now = state.now();
  d.desired = 0;
  d.scheduled = d.ready;
  d.ops = d.ready > 0 ? [{ at: now + state.step("endpointStoppingMs"), op: "drain" }] : [];
  if (d.scheduled === 0) d.region = undefined;
  settle(state, d, now);
}

/** Start (only from STOPPED) or scale a running deployment to its new bounds. */
export function scaleDeployment(state: SimState, d: SimDeployment) {
  const now = state.now();
  const min = d.autoscaling.minReplicas ?? 1;
  const max = d.autoscaling.maxReplicas ?? min;
  const starting = d.desired === 0;
  const target = starting ? min : Math.max(min, Math.min(d.desired, max));
  d.desired = target;
  if (starting) {
    d.everReady = false;
    addOp(d, { at: now + READINESS_TIMEOUT_MINUTES * state.step("minuteMs"), op: "timeout" });
  }
  if (target > d.scheduled) addOp(d, { at: now + state.step("endpointPendingMs"), op: "place" });
  if (target < d.scheduled) addOp(d, { at: now + state.step("endpointStoppingMs"), op: "drain" });
  settle(state, d, now);
}

/** Terminal: replicas gone, never restarts (the 6-hour readiness timeout, compressed into a control call). */
export function failDeployment(state: SimState, d: SimDeployment, message: string, now = state.now()) {
  const old = d.ready;
  d.failure = message;
  d.ops = [];
  d.scheduled = 0;
  d.ready = 0;
  d.region = undefined;
  scaled(state, d, now, old);
  settle(state, d, now);
}

export function shares(state: SimState, endpointId: string): Map<string, number> {
  const endpoint = state.v2.endpoints.get(endpointId);
  return trafficShares(endpoint?.trafficSplit ?? [], (id) => state.v2.deployments.get(id)?.ready ?? 0);
}

export function modelResource(d: SimDeployment): string {
  return `projects/${d.modelProject}/models/${d.modelId}/revisions/${d.revisionId}`;
}

export function fullName(state: SimState, d: SimDeployment): string {
  const endpoint = state.v2.endpoints.get(d.endpointId);
  return `${state.v2.project.slug}/${endpoint?.name ?? ""}/${d.name}`;
}

export function deploymentView(state: SimState, d: SimDeployment): EndpointDeployment {
  const view: EndpointDeployment = {
    id: d.id,
    projectId: state.v2.project.id,
    endpointId: d.endpointId,
    name: fullName(state, d),
    model: modelResource(d),
    modelId: d.modelId,
    modelRevisionId: d.revisionId,
    config: `projects/${d.configProject}/configs/${d.configId}`,
    configId: d.configId,
    hardware: d.hardware,
    autoscaling: d.autoscaling,
    status: { state: d.state, message: d.message, readyReplicas: d.ready, scheduledReplicas: d.scheduled },
    trafficMode: "TRAFFIC_MODE_LIVE",
    desiredReplicas: d.desired,
    enableLora: d.enableLora,
    estimatedEffectiveTrafficShare: shares(state, d.endpointId).get(d.id) ?? 0,
    ...(d.placement ? { placement: d.placement } : {}),
    runtimeInfo: {
      engineType: "vllm",
      engineVersion: "0.11.0",
      functionCallingSupported: true,
      structuredOutputSupported: true,
    },
    etag: d.etag,
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
  };
  return { ...d.extra, ...view };
}

export function summaryView(state: SimState, d: SimDeployment): EndpointDeploymentSummary {
  return {
    id: d.id,
    name: fullName(state, d),
    model: modelResource(d),
    modelId: d.modelId,
    state: d.state,
    trafficMode: "TRAFFIC_MODE_LIVE",
    autoscaling: d.autoscaling,
    desiredReplicas: d.desired,
    readyReplicas: d.ready,
    hardware: d.hardware,
    estimatedEffectiveTrafficShare: shares(state, d.endpointId).get(d.id) ?? 0,
    createdAt: iso(d.createdAt),
  };
}
