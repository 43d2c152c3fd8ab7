import { createHash, randomUUID } from "node:crypto";
import type { Config } from "together-ai/resources/beta/models/configs";
import type {
  Model,
  ModelListRevisionsResponse,
  SupportedModel,
  SupportedModelDeploymentProfile,
} from "together-ai/resources/beta/models/models";
import type { RemoteUploadRetrieveResponse } from "together-ai/resources/beta/models/remote-uploads";
import { type CatalogModel, catalog, fits } from "../catalog";
import { CORRUPT_WEIGHTS, type SimModel, uploadedModel } from "../jobs";
import { iso, type SimState } from "../state";
import { type InstanceType, instanceTypes } from "./hardware";
import { newId, stableId } from "./ids";

export const PLATFORM_PROJECT = "proj_platform";

export type SimRevision = {
  id: string;
  createdAt: number;
  /** When validation finishes; PENDING before. */
  validatedAt: number;
  files: { path: string; sizeBytes: number; hash: string }[];
};

export type SimV2Model = {
  id: string;
  /** Bare; the wire name is `<slug>/<name>`. */
  name: string;
  projectId: string;
  type: "model" | "adapter";
  baseModelId?: string;
  description?: string;
  visibility: Model["visibility"];
  createdAt: number;
  revisions: SimRevision[];
  memoryGb: number;
  /** A catalogue model served from Together's own project; its `name` is the Hub id. */
  platform?: boolean;
};

type UploadStatus = RemoteUploadRetrieveResponse["status"];

export type SimUploadEvent = {
  id: string;
  createdAt: number;
  level: "LEVEL_INFO" | "LEVEL_ERROR";
  type: string;
  message: string;
};

export type SimUpload = {
  id: string;
  modelId: string;
  remoteUrl: string;
  createdAt: number;
  status: UploadStatus;
  statusMessage: string;
  updatedAt: number;
  plan: { state: UploadStatus; at: number; message: string; type: string }[];
  events: SimUploadEvent[];
};

/** Together's catalogue models as records of its platform project, with one validated revision. */
export function platformModels(state: SimState): SimV2Model[] {
  return catalog
    .filter((m) => m.dedicated)
    .map((m) => ({
      id: stableId("ml", m.id),
      name: m.id,
      projectId: PLATFORM_PROJECT,
      type: "model",
      visibility: "VISIBILITY_INTERNAL",
      createdAt: state.startedAt,
      revisions: [
        { id: stableId("rv", m.id), createdAt: state.startedAt, validatedAt: state.startedAt, files: [] },
      ],
      memoryGb: m.memoryGb,
      platform: true,
    }));
}

export function catalogEntry(model: SimV2Model): CatalogModel | undefined {
  return model.platform ? catalog.find((m) => m.id === model.name) : undefined;
}

/**
 * Models a v1 upload completed are the project's too (one account, two APIs): each gets a v2
 * record with one validated revision, once.
 */
function adoptV1Models(state: SimState) {
  const names = new Set([...state.v2.models.values()].map((m) => m.name));
  for (const id of [...state.models.keys()]) {
    const m = uploadedModel(state, id);
    const name = id.slice(state.owner.length + 1);
    if (!m || names.has(name)) continue;
    const base = m.base_model ? platformModels(state).find((p) => p.name === m.base_model) : undefined;
    const created = m.created * 1000;
    state.v2.models.set(stableId("ml", m.uuid), {
      id: stableId("ml", m.uuid),
      name,
      projectId: state.v2.project.id,
      type: m.type,
      ...(base ? { baseModelId: base.id } : {}),
      visibility: "VISIBILITY_PRIVATE",
      createdAt: created,
      revisions: [
        {
          id: stableId("rv", m.uuid),
          createdAt: created,
          validatedAt: created,
          files: weightFiles(m.memoryGb),
        },
      ],
      memoryGb: m.memoryGb,
    });
  }
}

/** Every model a deployment can reference: the project's (advanced to now) and the platform's. */
/** Lands finished v2 uploads, which also makes their models v1's; v1 routes call it before reading models. */
export function advanceUploads(state: SimState) {
  for (const upload of state.v2.uploads.values()) advanceUpload(state, upload);
}

export function allModels(state: SimState): SimV2Model[] {
  advanceUploads(state);
  adoptV1Models(state);
  return [...state.v2.models.values(), ...platformModels(state)];
}

export function findModel(state: SimState, id: string): SimV2Model | undefined {
  return allModels(state).find((m) => m.id === id || (m.platform && m.name === id));
}

export function projectModel(state: SimState, id: string): SimV2Model | undefined {
  const model = findModel(state, id);
  return model && !model.platform ? model : undefined;
}

export function resourceName(model: SimV2Model): string {
  return `projects/${model.projectId}/models/${model.id}`;
}

export type RevisionStatus = NonNullable<ModelListRevisionsResponse.Data["validationStatus"]>;

export function revisionStatus(state: SimState, revision: SimRevision): RevisionStatus {
  return state.now() >= revision.validatedAt
    ? "REVISION_VALIDATION_STATUS_SUCCESS"
    : "REVISION_VALIDATION_STATUS_PENDING";
}

export function latestRevision(model: SimV2Model): SimRevision | undefined {
  return model.revisions.at(-1);
}

export function modelView(state: SimState, model: SimV2Model): Model {
  const entry = catalogEntry(model);
  const params = Math.round((model.memoryGb / 2.4) * 1e9);
  return {
    id: model.id,
    name: model.platform ? model.name : `${state.v2.project.slug}/${model.name}`,
    projectId: model.projectId,
    organizationId: model.platform ? "org_together" : state.v2.project.organizationId,
    visibility: model.visibility,
    weights: {
      architecture: "LlamaForCausalLM",
      contextLength: String(entry?.context_length ?? 32_768),
      type: model.type === "adapter" ? "WEIGHTS_TYPE_ADAPTER" : "WEIGHTS_TYPE_DEFAULT",
      parameters: { total: String(params), byDtype: [{ dtype: "BF16", count: String(params) }] },
    },
    ...(model.baseModelId
      ? {
          baseModelId: model.baseModelId,
          baseModel: `projects/${PLATFORM_PROJECT}/models/${model.baseModelId}`,
        }
      : {}),
    ...(model.description === undefined ? {} : { description: model.description }),
  };
}

export function revisionView(state: SimState, revision: SimRevision): ModelListRevisionsResponse.Data {
  const status = revisionStatus(state, revision);
  return {
    revisionId: revision.id,
    createdAt: iso(revision.createdAt),
    validationStatus: status,
    ...(status === "REVISION_VALIDATION_STATUS_SUCCESS"
      ? { lastValidatedAt: iso(revision.validatedAt) }
      : {}),
  };
}

/** Safetensors shards of about 5 GB adding up to the model's weight size. */
export function weightFiles(memoryGb: number): SimRevision["files"] {
  const bytes = Math.round((memoryGb / 1.2) * 1024 ** 3);
  const shards = Math.max(1, Math.ceil(bytes / (5 * 1024 ** 3)));
  const hash = (s: string) => createHash("sha256").update(s).digest("hex");
  const files = Array.from({ length: shards }, (_, i) => ({
    path: `model-${String(i + 1).padStart(5, "0")}-of-${String(shards).padStart(5, "0")}.safetensors`,
    sizeBytes: Math.floor(bytes / shards),
    hash: hash(`${memoryGb}-${i}`),
  }));
  return [{ path: "config.json", sizeBytes: 812, hash: hash("config") }, ...files];
}

/** `model` or `models` / `adapter` or `adapters`, as the API takes them. */
export function modelType(raw: string): "model" | "adapter" | undefined {
  const t = raw.toLowerCase().replace(/s$/, "");
  return t === "model" || t === "adapter" ? t : undefined;
}

export function createModel(
  state: SimState,
  input: { name: string; base: SimV2Model; type: "model" | "adapter"; description?: string },
): SimV2Model {
  const model: SimV2Model = {
    id: newId("ml"),
    name: input.name,
    projectId: state.v2.project.id,
    type: input.type,
    baseModelId: input.base.id,
    ...(input.description === undefined ? {} : { description: input.description }),
    visibility: "VISIBILITY_PRIVATE",
    createdAt: state.now(),
    revisions: [],
    memoryGb: input.base.memoryGb,
  };
  state.v2.models.set(model.id, model);
  return model;
}

/**
 * Queued, running, then done or failed. The failure is decided up front, as v1's jobs decide it:
 * the Hub's refusal, weights named "corrupt", or a queued `/_sim/uploads/fail-next`.
 */
export function startRemoteUpload(
  state: SimState,
  model: SimV2Model,
  remoteUrl: string,
  hubFailure: string | undefined,
): SimUpload {
  const now = state.now();
  const running = now + state.step("jobQueuedMs");
  const done = running + state.step("jobRunningMs");
  const failure =
    hubFailure ??
    (remoteUrl.toLowerCase().includes("corrupt") ? CORRUPT_WEIGHTS : state.failNextUploads.shift());
  const upload: SimUpload = {
    id: newId("job"),
    modelId: model.id,
    remoteUrl,
    createdAt: now,
    status: "REMOTE_UPLOAD_STATUS_PENDING",
    statusMessage: "",
    updatedAt: now,
    plan: [
      {
        state: "REMOTE_UPLOAD_STATUS_RUNNING",
        at: running,
        message: "Downloading weights",
        type: "download.started",
      },
      failure
        ? { state: "REMOTE_UPLOAD_STATUS_FAILED", at: done, message: failure, type: "upload.failed" }
        : {
            state: "REMOTE_UPLOAD_STATUS_SUCCEEDED",
            at: done,
            message: "Weights uploaded",
            type: "upload.succeeded",
          },
    ],
    events: [
      {
        id: newId("evt"),
        createdAt: now,
        level: "LEVEL_INFO",
        type: "upload.queued",
        message: "Upload queued",
      },
    ],
  };
  state.v2.uploads.set(upload.id, upload);
  return upload;
}

export function advanceUpload(state: SimState, upload: SimUpload): SimUpload {
  while (upload.plan[0] && upload.plan[0].at <= state.now()) {
    const next = upload.plan.shift()!;
    upload.status = next.state;
    upload.statusMessage = next.message;
    upload.updatedAt = next.at;
    const failed = next.state === "REMOTE_UPLOAD_STATUS_FAILED";
    upload.events.push({
      id: newId("evt"),
      createdAt: next.at,
      level: failed ? "LEVEL_ERROR" : "LEVEL_INFO",
      type: next.type,
      message: next.message,
    });
    if (next.state === "REMOTE_UPLOAD_STATUS_SUCCEEDED") landRevision(state, upload, next.at);
  }
  return upload;
}

/** New weights are a new revision, validated a step later; the model is then v1's too. */
function landRevision(state: SimState, upload: SimUpload, at: number) {
  const model = state.v2.models.get(upload.modelId);
  if (!model) return;
  model.revisions.push({
    id: newId("rv"),
    createdAt: at,
    validatedAt: at + state.step("jobQueuedMs"),
    files: weightFiles(model.memoryGb),
  });
  const base = model.baseModelId ? platformModels(state).find((p) => p.id === model.baseModelId) : undefined;
  const v1: SimModel = {
    uuid: `model-${randomUUID()}`,
    id: `${state.owner}/${model.name}`,
    type: model.type,
    ...(model.type === "adapter" && base ? { base_model: base.name } : {}),
    memoryGb: model.memoryGb,
    created: Math.floor(at / 1000),
  };
  state.models.set(v1.id, v1);
}

export function uploadView(state: SimState, upload: SimUpload): RemoteUploadRetrieveResponse {
  return {
    id: upload.id,
    projectId: state.v2.project.id,
    modelId: upload.modelId,
    remoteUrl: upload.remoteUrl,
    status: upload.status,
    statusMessage: upload.statusMessage,
    restartCount: 0,
    maxRestarts: 0,
    createdAt: iso(upload.createdAt),
    updatedAt: iso(upload.updatedAt),
  };
}

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
