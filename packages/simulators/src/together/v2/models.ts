import { createHash } from "node:crypto";
import type { Model, ModelListRevisionsResponse } from "together-ai/resources/beta/models/models";
import { type CatalogModel, catalog } from "../catalog";
import { iso, type SimState } from "../state";
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
