import type { AdapterStatus, EndpointState, EndpointStatus, Hardware, Progress } from "../../../src/provider";
import type { Wire } from "./wire";

/**
 * A v2 deployment as core knows it: `<endpoint id>/<deployment id>`. One id names both, so every
 * call can reach the deployment and its endpoint; v1 ids (`endpoint-…`) never hold a slash.
 */
export const compositeId = (endpointId: string, deploymentId: string) => `${endpointId}/${deploymentId}`;

export function parseId(id: string): { endpointId: string; deploymentId: string } | undefined {
  const [endpointId, deploymentId, ...rest] = id.split("/");
  if (!endpointId || !deploymentId || rest.length) return undefined;
  return { endpointId, deploymentId };
}

export const isV2Id = (id: string) => parseId(id) !== undefined;

/** A bare resource name Together accepts: lowercase letters, digits and dashes, at most 63. */
export function resourceName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 63)
    .replace(/-$/, "");
}

/**
 * Hangar's display names are `hangar-<deployment id>` or, for a replacement,
 * `hangar-<deployment id>-<hardware>`: the endpoint is named for the deployment (so a
 * replacement lands under the same inference name) and each deployment under it for the whole
 * display name.
 */
export function namesFor(displayName: string): { endpoint: string; deployment: string } {
  const deploymentId = /^hangar-(dep_[0-9a-z]+)/i.exec(displayName)?.[1];
  return {
    endpoint: resourceName(deploymentId ? `hangar-${deploymentId}` : displayName),
    deployment: resourceName(displayName),
  };
}

/** `<slug>/<endpoint>/<deployment>` → `<slug>/<endpoint>`, the string inference addresses. */
export const endpointNameOf = (deploymentName: string) => deploymentName.split("/").slice(0, 2).join("/");

/** The last segment of a qualified name: what the resource was created as. */
export const bareName = (name: string) => name.split("/").at(-1) ?? name;

const states: Record<string, EndpointState> = {
  DEPLOYMENT_STATE_PROVISIONING: "pending",
  DEPLOYMENT_STATE_SCALING: "pending",
  DEPLOYMENT_STATE_READY: "running",
  DEPLOYMENT_STATE_STOPPING: "stopping",
  DEPLOYMENT_STATE_STOPPED: "stopped",
  DEPLOYMENT_STATE_FAILED: "failed",
};

/**
 * v2 deployment states onto ours (reference §4.6). SCALING with both bounds at 0 is a drain after
 * a stop; DEGRADED self-heals and serves if any replica is ready, else it is still coming up.
 */
export function deploymentState(raw: string, autoscaling: Wire.Deployment["autoscaling"], ready = 0) {
  const stopped = autoscaling.maxReplicas === 0;
  if (raw === "DEPLOYMENT_STATE_SCALING" && stopped) return "stopping";
  if (raw === "DEPLOYMENT_STATE_DEGRADED") return ready > 0 ? "running" : "pending";
  return states[raw] ?? "unknown";
}

export function toEndpointStatus(dep: Wire.Deployment): EndpointStatus {
  const ready = dep.status.readyReplicas;
  const { minReplicas, maxReplicas } = dep.autoscaling;
  return {
    id: compositeId(dep.endpointId, dep.id),
    name: endpointNameOf(dep.name),
    state: deploymentState(dep.status.state, dep.autoscaling, ready),
    raw: dep.status.state,
    hardware: dep.hardware || undefined,
    autoscaling:
      minReplicas !== undefined || maxReplicas !== undefined
        ? { minReplicas: minReplicas ?? 0, maxReplicas: maxReplicas ?? minReplicas ?? 0 }
        : undefined,
    displayName: bareName(dep.name),
    readyReplicas: ready ?? 0,
    region: dep.placement?.inline?.regions?.[0],
    apiVersion: "v2",
    progress: progressOf(dep),
  };
}

/**
 * How far a provisioning or start got, from the counts v2 moves in order (desired, then
 * scheduled, then ready): replicas not yet placed are scheduling; placed but not ready, they pull
 * the image, load weights and start the engine (v2 doesn't split these), counted as initializing.
 */
export function progressOf(dep: Wire.Deployment): Progress | undefined {
  const raw = dep.status.state;
  if (raw !== "DEPLOYMENT_STATE_PROVISIONING" && raw !== "DEPLOYMENT_STATE_SCALING") return undefined;
  const wanted = dep.desiredReplicas ?? dep.autoscaling.minReplicas ?? 0;
  if (wanted <= 0) return undefined;
  const ready = dep.status.readyReplicas ?? 0;
  const placed = dep.status.scheduledReplicas ?? 0;
  const phase = ready >= wanted ? "ready" : placed >= wanted ? "initializing" : "scheduling";
  return { phase, fraction: Math.min(1, ready / wanted) };
}

/** Enough headroom somewhere: available; a catalogue entry with none anywhere: insufficient. */
function availability(regions: Wire.Region[]): Hardware["availability"] {
  if (!regions.length) return "unknown";
  const room = regions.some((r) => r.headroom?.relation === "RELATION_GTE" || (r.headroom?.value ?? 0) > 0);
  return room ? "available" : "insufficient";
}

export type Headroom = { name: string; headroom: number | null; atLeast: boolean };

export const regionsOf = (type: Wire.InstanceType): Headroom[] =>
  type.regions.map((r) => ({
    name: r.name,
    headroom: r.headroom?.value ?? (r.headroom ? 0 : null),
    atLeast: r.headroom?.relation === "RELATION_GTE",
  }));

/** The catalogue prices one running replica in cents per hour; core wants dollars per hour. */
export function toHardware(type: Wire.InstanceType): Hardware {
  return {
    id: type.name,
    provider: "together",
    gpu: {
      type: gpuTypeOf(type),
      count: type.gpuCount,
      memoryGb: type.gpuMemoryGib,
    },
    pricePerHour: type.priceCentsPerHour / 100,
    priceSource: "provider",
    availability: availability(type.regions),
    regions: regionsOf(type),
  };
}

/** `1xnvidia-h100-80gb` → `h100`, as v1's `h100-80gb` reads once its memory suffix is dropped. */
function gpuTypeOf(type: Wire.InstanceType) {
  const fromName = /^\d+x(.+?)(?:-\d+gb)?$/i.exec(type.name)?.[1];
  return (fromName ?? type.gpuType).toLowerCase().replace(/^nvidia-/, "");
}

/** v1 hardware ids (`1x_nvidia_h100_80gb_sxm`) in v2's spelling (`1xnvidia-h100-80gb`), form only. */
export function v2HardwareName(v1Id: string): string | undefined {
  const match = /^(\d+)x_([a-z0-9_]+?)(?:_(sxm|pcie|nvl|sxm\d))?$/i.exec(v1Id);
  if (!match) return undefined;
  return `${match[1]}x${(match[2] as string).replace(/_/g, "-")}`.toLowerCase();
}

/**
 * The v2 instance type a hardware id names: its own name, or a v1 id whose v2 spelling matches
 * exactly one instance type (v1 ids keep working for v2 deployments).
 */
export function resolveHardware(id: string, types: Wire.InstanceType[]): Wire.InstanceType | undefined {
  const exact = types.find((t) => t.name === id);
  if (exact) return exact;
  const matches = types.filter((t) => spells(id, t.name));
  return matches.length === 1 ? matches[0] : undefined;
}

/** A v1 id names a v2 type of the same spelling; v1 ids that leave out the memory (`1x_nvidia_l40s`) name the type that adds it. */
function spells(v1Id: string, v2Name: string): boolean {
  const wanted = v2HardwareName(v1Id);
  if (!wanted) return false;
  const name = v2Name.toLowerCase();
  return name === wanted || (!/-\d+gb$/.test(wanted) && new RegExp(`^${wanted}-\\d+gb$`).test(name));
}

/** Each v2 entry with the v1 ids that name it unambiguously, so requests written for v1 keep working. */
export function withAliases(list: Hardware[], v1Ids: string[]): Hardware[] {
  const aliases = new Map<string, string[]>();
  for (const v1Id of v1Ids) {
    const matches = list.filter((h) => spells(v1Id, h.id));
    if (matches.length === 1)
      aliases.set(matches[0]?.id as string, [...(aliases.get(matches[0]?.id as string) ?? []), v1Id]);
  }
  return list.map((h) => (aliases.has(h.id) ? { ...h, aliases: aliases.get(h.id) } : h));
}

/** A profile or config names its GPU loosely (`nvidia-h100-80gb`, `H100`, `NVIDIA-H100-80GB-HBM3`). */
export function fitsType(type: Wire.InstanceType, gpuType: string, gpuCount: number): boolean {
  if (gpuCount !== type.gpuCount) return false;
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const g = norm(gpuType);
  return (
    g === norm(type.gpuType) ||
    `${type.gpuCount}x${gpuType}`.toLowerCase() === type.name ||
    norm(type.name).endsWith(g)
  );
}

const adapterStates: Record<string, AdapterStatus["state"]> = {
  ADAPTER_LOAD_STATE_PENDING: "pending",
  ADAPTER_LOAD_STATE_LOADING: "pending",
  ADAPTER_LOAD_STATE_READY: "running",
  ADAPTER_LOAD_STATE_FAILED: "failed",
  ADAPTER_LOAD_STATE_REMOVING: "unknown",
};

/**
 * One state over every cluster: failed if any failed, running once every cluster has it ready
 * (a cluster still loading would answer requests routed to it with an error).
 */
export function adapterState(adapter: Wire.Adapter): { state: AdapterStatus["state"]; raw: string } {
  const raws = adapter.perCluster.map((c) => c.state);
  if (!raws.length) return { state: "pending", raw: "ADAPTER_LOAD_STATE_PENDING" };
  const failed = raws.find((r) => adapterStates[r] === "failed");
  if (failed) return { state: "failed", raw: failed };
  const notReady = raws.find((r) => adapterStates[r] !== "running");
  if (notReady) return { state: adapterStates[notReady] ?? "unknown", raw: notReady };
  return { state: "running", raw: raws[0] as string };
}
