import type { Config } from "together-ai/resources/beta/models/configs";
import type {
  SupportedModel,
  SupportedModelDeploymentProfile,
} from "together-ai/resources/beta/models/models";
import { fits } from "../catalog";
import { iso, type SimState } from "../state";
import { type InstanceType, instanceTypes } from "./hardware";
import { stableId } from "./ids";
import { allModels } from "./lookup";
import { catalogEntry, latestRevision, resourceName, type SimV2Model } from "./models";

/** An immutable serving config: one model (or its base) on one instance type. */
export type SimConfig = { id: string; model: SimV2Model; type: InstanceType };

export function configsFor(model: SimV2Model): SimConfig[] {
  return instanceTypes
    .filter((type) => fits(type.hardware, model.memoryGb))
    .map((type) => ({ id: stableId("cr", `${model.id}|${type.name}`), model, type }));
}

export function findConfig(state: SimState, id: string): SimConfig | undefined {
  for (const model of allModels(state)) {
    const config = configsFor(model).find((c) => c.id === id);
    if (config) return config;
  }
  return undefined;
}

export function configResource(config: SimConfig): string {
  return `projects/${config.model.projectId}/configs/${config.id}`;
}

export function configView(config: SimConfig): Config {
  const { type, model } = config;
  return {
    id: config.id,
    projectId: model.projectId,
    referenceModel: resourceName(model),
    referenceModelId: model.id,
    selectors: [
      { key: "accelerator_type", value: type.accelerator },
      { key: "accelerator_count", value: String(type.hardware.gpu_count) },
      { key: "optimization", value: "balanced" },
      { key: "topology", value: "aggregated" },
      { key: "adapter_mode", value: "dynamic" },
    ],
    certifications: [],
  };
}

export function supportedModelView(state: SimState, model: SimV2Model): SupportedModel {
  const entry = catalogEntry(model);
  const revision = latestRevision(model);
  const at = iso(state.startedAt);
  const profiles = configsFor(model).map(
    (config): SupportedModelDeploymentProfile => ({
      profileId: stableId("dp", config.id),
      model: `${resourceName(model)}/revisions/${revision?.id ?? ""}`,
      config: configResource(config),
      gpuType: config.type.accelerator,
      gpuCount: config.type.hardware.gpu_count,
      tensorParallelSize: config.type.hardware.gpu_count,
      parallelism: `TP${config.type.hardware.gpu_count}`,
      quantization: /fp8/i.test(model.name) ? "FP8" : "BF16",
      modelName: model.name,
      certifiedConfigRevisionId: config.id,
      certifiedModelRevisionId: revision?.id ?? "",
      performanceBenchmarks: {
        decodingSpeedTps: 90,
        timeToFirstTokenMs: 120,
        maxContextLength: String(entry?.context_length ?? 32_768),
      },
    }),
  );
  return {
    id: stableId("arch", model.name),
    name: model.name,
    displayName: entry?.display_name ?? model.name,
    displayType: "Chat",
    baseModel: resourceName(model),
    baseModelId: model.id,
    publisher: entry?.organization ?? model.name.split("/")[0] ?? "",
    capabilities: ["CAPABILITY_CHAT"],
    products: entry?.serverless ? ["PRODUCT_SERVERLESS", "PRODUCT_DEDICATED"] : ["PRODUCT_DEDICATED"],
    inputModalities: ["MODALITY_TEXT"],
    outputModalities: ["MODALITY_TEXT"],
    status: "SUPPORTED_MODEL_STATUS_SUPPORTED",
    contextLength: String(entry?.context_length ?? 32_768),
    deploymentProfiles: profiles,
    createdAt: at,
    updatedAt: at,
  };
}
