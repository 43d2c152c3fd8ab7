import { randomBytes } from "node:crypto";
import { catalog, catalogName } from "./catalog";
import { iso, type SimState } from "./state";

/**
 * One file declared to `getUploadEndpoint`; it has landed once `received` equals `size`. Every
 * URL signed for it stays valid (until expiry at GCS), so `tokens` keeps the recent ones.
 */
export type SimFile = { size: number; received: number; tokens: string[] };

export type SimModel = {
  id: string;
  name: string;
  displayName?: string;
  description?: string;
  kind: string;
  state: "UPLOADING" | "READY";
  status: { code: string; message: string };
  huggingFaceUrl?: string;
  peftDetails?: { baseModel: string; r: number; targetModules: string[] };
  files: Record<string, SimFile>;
  supportedPrecisions: string[];
  /** A `:prepare` in progress: READY again, with `precision` supported, at `at`. */
  preparing?: { precision: string; at: number };
  createTime: number;
  updateTime: number;
};

/** Unquantized weights serve at these precisions; others need `:prepare`. */
export const nativePrecisions = ["FP16", "BF16"];

export function createModel(
  state: SimState,
  id: string,
  input: Omit<
    SimModel,
    "id" | "name" | "state" | "status" | "files" | "supportedPrecisions" | "createTime" | "updateTime"
  >,
): SimModel {
  const now = state.now();
  const model: SimModel = {
    ...input,
    id,
    name: `accounts/${state.account}/models/${id}`,
    state: "UPLOADING",
    status: { code: "OK", message: "" },
    files: {},
    supportedPrecisions: [],
    createTime: now,
    updateTime: now,
  };
  state.models.set(id, model);
  return model;
}

export function advanceModel(state: SimState, model: SimModel): SimModel {
  if (model.preparing && model.preparing.at <= state.now()) {
    model.supportedPrecisions.push(model.preparing.precision);
    model.updateTime = model.preparing.at;
    model.preparing = undefined;
    model.state = "READY";
    model.status = { code: "OK", message: "" };
  }
  return model;
}

/** Files declared but not (fully) received, by name. */
export function missingFiles(model: SimModel): string[] {
  const declared = Object.entries(model.files);
  if (declared.length === 0) return ["(no files declared with getUploadEndpoint)"];
  return declared.filter(([, f]) => f.received !== f.size).map(([name]) => name);
}

/** A new signature for the file; declaring another size starts the file over. */
export function signFile(model: SimModel, path: string, size: number): string {
  const token = randomBytes(16).toString("hex");
  const known = model.files[path];
  if (known && known.size === size) known.tokens = [...known.tokens.slice(-7), token];
  else model.files[path] = { size, received: 0, tokens: [token] };
  return token;
}

export function modelView(model: SimModel) {
  return {
    name: model.name,
    displayName: model.displayName,
    description: model.description,
    createTime: iso(model.createTime),
    updateTime: iso(model.updateTime),
    state: model.state,
    status: model.status,
    kind: model.kind,
    huggingFaceUrl: model.huggingFaceUrl,
    ...(model.kind === "HF_BASE_MODEL"
      ? {
          baseModelDetails: {
            worldSize: 1,
            checkpointFormat: "HUGGINGFACE",
            huggingfaceFiles: Object.keys(model.files),
          },
        }
      : {}),
    peftDetails: model.peftDetails,
    supportsLora: model.kind === "HF_BASE_MODEL",
    supportedPrecisions: model.supportedPrecisions,
  };
}

/** Fireworks' own base models, read-only under `accounts/fireworks`. */
export function catalogView(id: string) {
  const model = catalog.find((m) => m.id === id);
  if (!model) return undefined;
  return {
    name: catalogName(model.id),
    displayName: model.id,
    createTime: "2024-07-23T00:00:00Z",
    state: "READY",
    status: { code: "OK", message: "" },
    kind: "HF_BASE_MODEL",
    baseModelDetails: {
      worldSize: 1,
      checkpointFormat: "NATIVE",
      parameterCount: String(model.parameterCount),
      modelType: model.modelType,
      defaultPrecision: "FP16",
    },
    contextLength: model.contextLength,
    supportsLora: true,
    public: true,
    supportedPrecisions: ["FP16", "FP8"],
  };
}
