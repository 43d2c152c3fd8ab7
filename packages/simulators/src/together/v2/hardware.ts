import type { InferenceInstanceType } from "together-ai/resources/beta/endpoints/hardware";
import type { PlacementProfile } from "together-ai/resources/beta/endpoints/placement-profiles";
import { type HardwareConfig, hardwareConfigs } from "../catalog";
import { stableId } from "./ids";

/** A v2 instance type: one v1 hardware config under its v2 name, with the regions it is offered in. */
export type InstanceType = {
  id: string;
  name: string;
  accelerator: string;
  hardware: HardwareConfig;
  description: string;
  gpuType: string;
};

/** Regions in the order a deployment without placement tries them. */
export const regions = ["us-central-8", "us-east-1", "eu-north-1"] as const;

/** GPUs per accelerator and region the simulated fleet has; headroom is what replicas leave of it. */
export type Capacity = Record<string, Record<string, number>>;

export const defaultCapacity = (): Capacity => ({
  "nvidia-l40s-48gb": { "us-central-8": 8, "us-east-1": 4, "eu-north-1": 4 },
  "nvidia-a100-80gb": { "us-central-8": 4, "us-east-1": 2 },
  "nvidia-h100-80gb": { "us-central-8": 8, "us-east-1": 4, "eu-north-1": 2 },
  "nvidia-h200-140gb": { "us-central-8": 4 },
});

const gpuTypes: Record<string, string> = {
  "nvidia-l40s-48gb": "NVIDIA-L40S-48GB",
  "nvidia-a100-80gb": "NVIDIA-A100-SXM4-80GB",
  "nvidia-h100-80gb": "NVIDIA-H100-80GB-HBM3",
  "nvidia-h200-140gb": "NVIDIA-H200-141GB-HBM3e",
};

/**
 * v2 names are `<count>x<accelerator>` and have no interconnect in them, so v1's two A100 80GB
 * configs (PCIe, unavailable; SXM) are one v2 type: the SXM one, which v1 can actually place.
 */
export const instanceTypes: InstanceType[] = hardwareConfigs
  .filter((h) => h.id !== "1x_nvidia_a100_80gb_pcie")
  .map((hardware) => {
    const accelerator = `nvidia-${hardware.gpu_type}`;
    const name = `${hardware.gpu_count}x${accelerator}`;
    const label = hardware.gpu_type.toUpperCase().replace(/-(\d+GB)$/, " $1");
    return {
      id: stableId("it", name),
      name,
      accelerator,
      hardware,
      description: `${hardware.gpu_count}x NVIDIA ${label}`,
      gpuType: gpuTypes[accelerator] ?? accelerator.toUpperCase(),
    };
  });

export function instanceType(nameOrId: string): InstanceType | undefined {
  return instanceTypes.find((t) => t.name === nameOrId || t.id === nameOrId || t.hardware.id === nameOrId);
}

/** v1 bills per minute; one running v2 replica costs the same, per hour. */
export function priceCentsPerHour(hardware: HardwareConfig): number {
  return Math.round(hardware.cents_per_minute * 60 * 100) / 100;
}

/** Replicas of `type` that still fit in `region`, given GPUs already taken there. */
export function headroom(type: InstanceType, region: string, capacity: Capacity, usedGpus: number): number {
  const total = capacity[type.accelerator]?.[region] ?? 0;
  return Math.max(0, Math.floor((total - usedGpus) / type.hardware.gpu_count));
}

export function offeredRegions(type: InstanceType, capacity: Capacity): string[] {
  const byRegion = capacity[type.accelerator] ?? {};
  return regions.filter((r) => r in byRegion);
}

export type Placement = { regions?: string[]; constraint?: "ENFORCEMENT_REQUIRED" | "ENFORCEMENT_PREFERRED" };

/**
 * The regions a deployment may try, best first: its own when required; its own then the rest
 * when preferred (the default constraint, as nothing says otherwise); every offered one without.
 */
export function candidateRegions(offered: string[], placement: Placement | undefined): string[] {
  const wanted = (placement?.regions ?? []).filter((r) => offered.includes(r));
  if (!placement?.regions?.length) return offered;
  if (placement.constraint === "ENFORCEMENT_REQUIRED") return wanted;
  return [...wanted, ...offered.filter((r) => !wanted.includes(r))];
}

/**
 * Where `wanted` more replicas go: the region already holding the deployment's replicas, else the
 * first candidate with room for all of them, else the one with the most room. Pure, for unit tests.
 */
export function place(
  wanted: number,
  current: string | undefined,
  candidates: string[],
  room: (region: string) => number,
): { region: string; count: number } | undefined {
  if (wanted <= 0) return undefined;
  if (current) {
    const count = Math.min(wanted, room(current));
    return count > 0 ? { region: current, count } : undefined;
  }
  const full = candidates.find((r) => room(r) >= wanted);
  if (full) return { region: full, count: wanted };
  const best = candidates
    .map((r) => ({ region: r, count: Math.min(wanted, room(r)) }))
    .sort((a, b) => b.count - a.count)[0];
  return best && best.count > 0 ? best : undefined;
}

export function instanceTypeView(
  type: InstanceType,
  capacity: Capacity,
  used: (region: string) => number,
): InferenceInstanceType {
  return {
    id: type.id,
    name: type.name,
    description: type.description,
    gpuType: type.gpuType,
    gpuCount: type.hardware.gpu_count,
    gpuMemoryGib: type.hardware.gpu_memory,
    priceCentsPerHour: priceCentsPerHour(type.hardware),
    regions: offeredRegions(type, capacity).map((name) => ({
      name,
      headroom: { relation: "RELATION_EQ", value: headroom(type, name, capacity, used(name)) },
    })),
  };
}

/** Placement profiles: one per region, that region first, the rest as fallbacks (preferred). */
export function placementProfiles(project: { id: string; organizationId: string }): PlacementProfile[] {
  return regions.map((region) => ({
    id: `pp_${region.replaceAll("-", "_")}`,
    name: `${region} first`,
    organizationId: project.organizationId,
    projectId: project.id,
    preferredRegions: [region, ...regions.filter((r) => r !== region)],
  }));
}
