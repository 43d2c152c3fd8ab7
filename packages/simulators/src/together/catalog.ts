import type { EndpointListHardwareResponse } from "together-ai/resources/endpoints";
import type { ModelObject } from "together-ai/resources/models";

/** What the simulated Together serves: a few base models and the dedicated hardware they fit on. */
export type CatalogModel = {
  id: string;
  type: ModelObject["type"];
  display_name: string;
  organization: string;
  context_length: number;
  /** GPU memory the weights and a working KV cache need; decides compatible hardware. */
  memoryGb: number;
  /** Answers serverless calls; dedicated-only models need an endpoint. */
  serverless: boolean;
  /** False for models Together cannot put on dedicated hardware (hardware?model= answers 404). */
  dedicated: boolean;
  pricing: { hourly: number; input: number; output: number; base: number; finetune: number };
};

const created = 1_726_000_000;

function chat(
  id: string,
  display: string,
  memoryGb: number,
  context: number,
  price: number,
  serverless = false,
) {
  return {
    id,
    type: "chat",
    display_name: display,
    organization: id.split("/")[0] ?? id,
    context_length: context,
    memoryGb,
    serverless,
    dedicated: true,
    pricing: { hourly: 0, input: price, output: price, base: 0, finetune: 0 },
  } satisfies CatalogModel;
}

export const catalog: CatalogModel[] = [
  chat("Qwen/Qwen2.5-7B-Instruct", "Qwen2.5 7B Instruct", 24, 32_768, 0.3),
  chat("meta-llama/Llama-3.1-8B-Instruct", "Llama 3.1 8B Instruct", 24, 131_072, 0.18),
  chat("meta-llama/Llama-3.3-70B-Instruct-Turbo", "Llama 3.3 70B Instruct Turbo", 150, 131_072, 0.88, true),
  chat("Qwen/Qwen3.5-9B-FP8", "Qwen3.5 9B FP8", 20, 262_144, 0.1),
  {
    id: "black-forest-labs/FLUX.1-schnell",
    type: "image",
    display_name: "FLUX.1 [schnell]",
    organization: "black-forest-labs",
    context_length: 0,
    memoryGb: 40,
    serverless: true,
    dedicated: false,
    pricing: { hourly: 0, input: 0, output: 0, base: 0.0027, finetune: 0 },
  },
];

export function catalogModel(id: string): CatalogModel | undefined {
  return catalog.find((model) => model.id === id);
}

export function modelObject(model: CatalogModel): ModelObject {
  return {
    id: model.id,
    object: "model",
    created,
    type: model.type,
    display_name: model.display_name,
    organization: model.organization,
    link: `https://huggingface.co/${model.id}`,
    license: "apache-2.0",
    context_length: model.context_length,
    pricing: model.pricing,
  };
}

/** An uploaded model's size, guessed the way a human would: "72B" in the name means ~2 bytes per parameter. */
export function estimateMemoryGb(source: string): number {
  const billions = /(\d+(?:\.\d+)?)b(?![a-z])/i.exec(source)?.[1];
  return Math.ceil((billions ? Number(billions) : 8) * 2 * 1.2);
}

export type HardwareConfig = {
  id: string;
  gpu_type: string;
  gpu_link: string;
  gpu_memory: number;
  gpu_count: number;
  cents_per_minute: number;
  availability: "available" | "unavailable" | "insufficient";
};

export const hardwareConfigs: HardwareConfig[] = [
  {
    id: "1x_nvidia_l40s",
    gpu_type: "l40s-48gb",
    gpu_link: "pcie",
    gpu_memory: 48,
    gpu_count: 1,
    cents_per_minute: 2.75,
    availability: "available",
  },
  {
    id: "1x_nvidia_a100_80gb_pcie",
    gpu_type: "a100-80gb",
    gpu_link: "pcie",
    gpu_memory: 80,
    gpu_count: 1,
    cents_per_minute: 4.0,
    availability: "unavailable",
  },
  {
    id: "1x_nvidia_a100_80gb_sxm",
    gpu_type: "a100-80gb",
    gpu_link: "sxm",
    gpu_memory: 80,
    gpu_count: 1,
    cents_per_minute: 4.27,
    availability: "available",
  },
  {
    id: "1x_nvidia_h100_80gb_sxm",
    gpu_type: "h100-80gb",
    gpu_link: "sxm",
    gpu_memory: 80,
    gpu_count: 1,
    cents_per_minute: 5.6,
    availability: "available",
  },
  {
    id: "2x_nvidia_h100_80gb_sxm",
    gpu_type: "h100-80gb",
    gpu_link: "sxm",
    gpu_memory: 80,
    gpu_count: 2,
    cents_per_minute: 11.2,
    availability: "available",
  },
  {
    id: "4x_nvidia_h100_80gb_sxm",
    gpu_type: "h100-80gb",
    gpu_link: "sxm",
    gpu_memory: 80,
    gpu_count: 4,
    cents_per_minute: 22.4,
    availability: "insufficient",
  },
  {
    id: "8x_nvidia_h200_140gb_sxm",
    gpu_type: "h200-140gb",
    gpu_link: "sxm",
    gpu_memory: 140,
    gpu_count: 8,
    cents_per_minute: 66.53,
    availability: "insufficient",
  },
];

export function fits(hardware: HardwareConfig, memoryGb: number): boolean {
  return hardware.gpu_memory * hardware.gpu_count >= memoryGb;
}

/** Prices and availability as of the simulator's start, like Together's `updated_at`. */
export function hardwareObject(
  hardware: HardwareConfig,
  updatedAt: string,
  withAvailability: boolean,
): EndpointListHardwareResponse.Data {
  return {
    object: "hardware",
    id: hardware.id,
    pricing: { cents_per_minute: hardware.cents_per_minute },
    specs: {
      gpu_type: hardware.gpu_type,
      gpu_link: hardware.gpu_link,
      gpu_memory: hardware.gpu_memory,
      gpu_count: hardware.gpu_count,
    },
    ...(withAvailability ? { availability: { status: hardware.availability } } : {}),
    updated_at: updatedAt,
  };
}
