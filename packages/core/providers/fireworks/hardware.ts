import type { Hardware } from "../../src/provider";
import { ProviderError } from "../../src/provider/error";
import { PRICES_AS_OF, pricePerGpuHour } from "./prices";

/**
 * Hangar's hardware ids for Fireworks: `<count>x_<acceleratorType in lowercase>`, so
 * `2x_nvidia_h100_80gb` is two `NVIDIA_H100_80GB` per replica. The same shape as Together's ids.
 */
export type Accelerator = { acceleratorType: string; acceleratorCount: number };

const HARDWARE_ID = /^([1-9]\d?)x_([a-z][a-z0-9_]*)$/;
/** Counts Fireworks places on one replica; larger models take more. */
export const acceleratorCounts = [1, 2, 4, 8] as const;
/** Accelerators whose enum name carries no memory size. */
const memoryOf: Record<string, number> = { NVIDIA_GB200: 186, NVIDIA_GB300: 288 };

export function hardwareId({ acceleratorType, acceleratorCount }: Accelerator): string {
  return `${acceleratorCount}x_${acceleratorType.toLowerCase()}`;
}

export function parseHardwareId(id: string): Accelerator {
  const match = HARDWARE_ID.exec(id);
  if (!match) {
    throw new ProviderError(
      "fireworks",
      `Not a Fireworks hardware id: ${id} (expected e.g. 1x_nvidia_h100_80gb)`,
      {
        retryable: false,
        code: "invalid_hardware",
      },
    );
  }
  return { acceleratorCount: Number(match[1]), acceleratorType: match[2]!.toUpperCase() };
}

/** `NVIDIA_H100_80GB` → `h100`, `AMD_MI300X_192GB` → `mi300x`. */
export function gpuType(acceleratorType: string): string {
  return acceleratorType
    .replace(/^(NVIDIA|AMD)_/, "")
    .replace(/_\d+GB$/, "")
    .toLowerCase();
}

export function gpuMemoryGb(acceleratorType: string): number {
  return memoryOf[acceleratorType] ?? Number(/_(\d+)GB$/.exec(acceleratorType)?.[1] ?? 0);
}

/** Undefined for an accelerator Hangar has no price for. Prices are per replica: GPU price × count. */
export function toHardware(accelerator: Accelerator): Hardware | undefined {
  const price = pricePerGpuHour[accelerator.acceleratorType];
  if (price === undefined) return undefined;
  return {
    id: hardwareId(accelerator),
    provider: "fireworks",
    gpu: {
      type: gpuType(accelerator.acceleratorType),
      count: accelerator.acceleratorCount,
      memoryGb: gpuMemoryGb(accelerator.acceleratorType),
    },
    pricePerHour: Math.round(price * accelerator.acceleratorCount * 100) / 100,
    priceSource: "table",
    priceAsOf: PRICES_AS_OF,
    availability: "unknown",
  };
}

/** Every priced accelerator at every count: what a model with no validated shape may try. */
export function allHardware(): Hardware[] {
  return Object.keys(pricePerGpuHour).flatMap((acceleratorType) =>
    acceleratorCounts.map((acceleratorCount) => toHardware({ acceleratorType, acceleratorCount })!),
  );
}
