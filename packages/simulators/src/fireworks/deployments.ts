import { iso, type SimState } from "./state";

/** Replicas moving from `from` to `to`; a rise goes through scheduling, download and init, a fall takes one update step. */
export type Rollout = { from: number; to: number; start: number; end: number };

export type SimDeployment = {
  id: string;
  name: string;
  displayName?: string;
  baseModel: string;
  state: string;
  status: { code: string; message: string };
  minReplicaCount: number;
  maxReplicaCount: number;
  replicaCount: number;
  rollout?: Rollout;
  acceleratorType: string;
  acceleratorCount: number;
  precision?: string;
  enableAddons: boolean;
  autoscalingPolicy: { scaleUpWindow: string; scaleDownWindow: string; scaleToZeroWindow: string };
  createTime: number;
  updateTime: number;
  updatingUntil?: number;
  deleteAt?: number;
  deleteTime?: number;
  hard?: boolean;
  /** Last inference request (or the moment it first became ready); drives scale to zero and the 7-day delete. */
  lastActivity: number;
};

export type SimDeployedModel = {
  id: string;
  name: string;
  displayName?: string;
  model: string;
  deployment: string;
  default: boolean;
  state: string;
  deployedAt: number;
  createTime: number;
};

/** Fireworks deletes a deployment that has sat at zero replicas with min 0 for this long without traffic. */
export const IDLE_DELETE_SECONDS = 7 * 24 * 60 * 60;
export const defaultPolicy = { scaleUpWindow: "30s", scaleDownWindow: "600s", scaleToZeroWindow: "3600s" };

const seconds = (duration: string) => Number(duration.replace(/s$/, ""));
export const target = (d: SimDeployment) => d.rollout?.to ?? d.replicaCount;

/** Starts moving replicas towards `to` now; a rise from zero is a cold start. */
export function scaleTo(state: SimState, d: SimDeployment, to: number) {
  const now = state.now();
  if (to === target(d)) return;
  const from = d.replicaCount;
  const end = now + (to > from ? state.coldStartMs() : state.step("updatingMs"));
  d.rollout = { from, to, start: now, end };
}

/** The replica target a (min, max) pair leaves: within bounds, at least one while creating, zero for max 0. */
export function desiredFor(d: SimDeployment, creating = false): number {
  if (d.maxReplicaCount === 0) return 0;
  const floor = creating ? Math.max(d.minReplicaCount, 1) : d.minReplicaCount;
  return Math.min(d.maxReplicaCount, Math.max(floor, target(d)));
}

/**
 * Applies everything due, in time order: rollouts ending, updates settling, deletes finishing,
 * an idle deployment with min 0 scaling to zero after its window, and one left at zero for
 * seven days being deleted, each as of the moment it fell due.
 */
export function advanceDeployment(state: SimState, d: SimDeployment): SimDeployment {
  const now = state.now();
  if (d.state === "DELETING" && d.deleteAt !== undefined && d.deleteAt <= now) {
    d.state = "DELETED";
    d.deleteTime = d.deleteAt;
    if (d.hard) state.deployments.delete(d.id);
    return d;
  }
  if (d.rollout && d.rollout.end <= now) {
    d.replicaCount = d.rollout.to;
    if (d.state === "CREATING") d.lastActivity = d.rollout.end;
    if (d.state === "CREATING") d.state = "READY";
    d.rollout = undefined;
  }
  if (d.state === "UPDATING" && !d.rollout && (d.updatingUntil ?? 0) <= now) d.state = "READY";
  if (d.state !== "READY" || d.rollout || d.minReplicaCount !== 0) return d;
  const idleAt = d.lastActivity + state.seconds(seconds(d.autoscalingPolicy.scaleToZeroWindow));
  if (d.replicaCount > 0 && idleAt <= now) {
    d.replicaCount = 0;
    d.updateTime = idleAt;
  }
  const deleteAt = d.lastActivity + state.seconds(IDLE_DELETE_SECONDS);
  if (d.replicaCount === 0 && deleteAt <= now) {
    d.state = "DELETED";
    d.deleteTime = deleteAt;
    d.status = { code: "OK", message: "deleted after 7 days at zero replicas without traffic" };
  }
  return d;
}

/** A live deployment by id; DELETED ones are still readable, as Fireworks' soft delete keeps them. */
export function findDeployment(state: SimState, id: string): SimDeployment | undefined {
  const d = state.deployments.get(id);
  return d && advanceDeployment(state, d);
}

export function byName(state: SimState, name: string): SimDeployment | undefined {
  const prefix = `accounts/${state.account}/deployments/`;
  return name.startsWith(prefix) ? findDeployment(state, name.slice(prefix.length)) : undefined;
}

function replicaStats(state: SimState, d: SimDeployment) {
  const stats = { readyReplicaCount: d.replicaCount };
  const r = d.rollout;
  if (!r || r.to <= r.from) return stats;
  const elapsed = state.now() - r.start;
  const waiting = r.to - r.from;
  if (elapsed < state.step("schedulingMs")) return { ...stats, pendingSchedulingReplicaCount: waiting };
  if (elapsed < state.step("schedulingMs") + state.step("downloadingMs"))
    return { ...stats, downloadingModelReplicaCount: waiting };
  return { ...stats, initializingReplicaCount: waiting };
}

export function deploymentView(state: SimState, d: SimDeployment) {
  return {
    name: d.name,
    displayName: d.displayName,
    createTime: iso(d.createTime),
    updateTime: iso(d.updateTime),
    ...(d.deleteTime === undefined
      ? {}
      : { deleteTime: iso(d.deleteTime), purgeTime: iso(d.deleteTime + state.seconds(IDLE_DELETE_SECONDS)) }),
    state: d.state,
    status: d.status,
    minReplicaCount: d.minReplicaCount,
    maxReplicaCount: d.maxReplicaCount,
    desiredReplicaCount: target(d),
    replicaCount: d.replicaCount,
    autoscalingPolicy: { ...d.autoscalingPolicy, loadTargets: { default: 0.8 } },
    baseModel: d.baseModel,
    acceleratorType: d.acceleratorType,
    acceleratorCount: d.acceleratorCount,
    precision: d.precision,
    enableAddons: d.enableAddons,
    placement: { multiRegion: "GLOBAL" },
    region: "US_IOWA_1",
    replicaStats: replicaStats(state, d),
  };
}

export function advanceDeployedModel(state: SimState, m: SimDeployedModel): SimDeployedModel {
  if (m.state === "DEPLOYING" && m.deployedAt <= state.now()) m.state = "DEPLOYED";
  return m;
}

export function deployedModelView(m: SimDeployedModel) {
  return {
    name: m.name,
    displayName: m.displayName,
    createTime: iso(m.createTime),
    updateTime: iso(m.createTime),
    model: m.model,
    deployment: m.deployment,
    default: m.default,
    state: m.state,
    serverless: false,
    status: { code: "OK", message: "" },
    public: false,
  };
}
