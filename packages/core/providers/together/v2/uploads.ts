import type { ModelSpec, UploadStatus } from "../../../src/provider";
import { ProviderError } from "../../../src/provider/error";
import { readJson } from "../../../src/weights";
import type { TogetherV2Client } from "./client";
import { bareName } from "./states";
import type { Wire } from "./wire";

/** v2 upload jobs are `job_…` (v1's are `job-…`): what lets one `getUpload` serve both generations. */
export const isV2UploadJob = (jobId: string) => jobId.startsWith("job_");

const modelResource = (projectId: string, modelId: string) => `projects/${projectId}/models/${modelId}`;

const messages = (revision: Wire.Revision) =>
  (revision.validationErrors ?? []).map((e) => e.message).filter(Boolean);

/**
 * Core's view of a v2 upload: the job first (ERROR is a restart in progress, not an end), then
 * the revision it landed, which must validate before the model can be deployed.
 */
export function toUploadStatus(upload: Wire.RemoteUpload, revision?: Wire.Revision): UploadStatus {
  const base = { jobId: upload.id, modelName: modelResource(upload.projectId, upload.modelId) };
  const message = upload.statusMessage || undefined;
  switch (upload.status) {
    case "REMOTE_UPLOAD_STATUS_PENDING":
      return { ...base, state: "pending", raw: upload.status };
    case "REMOTE_UPLOAD_STATUS_FAILED":
      return { ...base, state: "failed", raw: upload.status, message: message ?? "the remote upload failed" };
    case "REMOTE_UPLOAD_STATUS_SUCCEEDED":
      break;
    default:
      return { ...base, state: "running", raw: upload.status, ...(message ? { message } : {}) };
  }
  const raw = revision?.validationStatus ?? "REVISION_VALIDATION_STATUS_PENDING";
  if (raw === "REVISION_VALIDATION_STATUS_SUCCESS") return { ...base, state: "complete", raw };
  if (raw === "REVISION_VALIDATION_STATUS_FAILED" || raw === "REVISION_VALIDATION_STATUS_ERROR") {
    const why = revision ? messages(revision) : [];
    return {
      ...base,
      state: "failed",
      raw,
      message: `the uploaded weights failed validation${why.length ? `: ${why.join("; ")}` : ""}`,
    };
  }
  return { ...base, state: "running", raw };
}

/** `LlamaForCausalLM` → `llama`, `Qwen2ForCausalLM` → `qwen2`: the family a catalogue name carries. */
export function familyOf(architecture: string): string | undefined {
  const family = architecture.replace(/For[A-Z]\w*$/, "").replace(/Model$/, "");
  return family && family !== architecture ? family.toLowerCase() : undefined;
}

/**
 * The supported model an upload derives from: a name the source gives (the spec's base, the
 * config's `_name_or_path` or an adapter's `base_model_name_or_path`) matched exactly, else the
 * first catalogue model (by name) of the config's architecture family.
 */
export function pickBase(
  supported: Pick<Wire.SupportedModel, "id" | "name" | "baseModelId">[],
  hints: { names: string[]; architectures: string[] },
): string | undefined {
  const id = (m: (typeof supported)[number]) => m.baseModelId ?? m.id;
  for (const name of hints.names) {
    const exact = supported.find((m) => m.name.toLowerCase() === name.toLowerCase());
    if (exact) return id(exact);
  }
  const sorted = [...supported].sort((a, b) => a.name.localeCompare(b.name));
  for (const family of hints.architectures.map(familyOf)) {
    const match = family && sorted.find((m) => m.name.toLowerCase().includes(family));
    if (match) return id(match);
  }
  return undefined;
}

const strings = (value: unknown) =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && v !== "");

/** What the source says about its base; a source whose configs can't be read says nothing. */
async function hintsOf(model: ModelSpec) {
  const names = strings(model.baseModel);
  const architectures: string[] = [];
  if (!model.source.startsWith("hf://")) return { names, architectures };
  const file = model.type === "adapter" ? "adapter_config.json" : "config.json";
  const config = (await readJson(model, file).catch(() => null)) as Record<string, unknown> | null;
  names.push(...strings(config?.base_model_name_or_path), ...strings(config?._name_or_path));
  architectures.push(...strings(config?.architectures));
  return { names: names.filter((n) => !n.startsWith("/") && !n.startsWith(".")), architectures };
}

export async function resolveBase(client: TogetherV2Client, model: ModelSpec): Promise<string | undefined> {
  const hints = await hintsOf(model);
  if (!hints.names.length && !hints.architectures.length) return undefined;
  return pickBase(await client.models.supported(), hints);
}

/** v2's remote uploads: one model record per deployment (named as v1's), its upload job, then its revision. */
export function v2Uploads(api: () => TogetherV2Client) {
  const status = async (upload: Wire.RemoteUpload) => {
    if (upload.status !== "REMOTE_UPLOAD_STATUS_SUCCEEDED") return toUploadStatus(upload);
    const revisions = await api().models.revisions(upload.modelId);
    const latest = revisions.sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""))[0];
    return toUploadStatus(upload, latest);
  };
  const ownModel = async (name: string) => (await api().models.list()).find((m) => bareName(m.name) === name);

  return {
    async find(name: string): Promise<UploadStatus | undefined> {
      const model = await ownModel(name);
      if (!model) return undefined;
      const uploads = (await api().uploads.list()).filter((u) => u.modelId === model.id);
      const latest = uploads.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      return latest && status(latest);
    },

    /** The model record is created once: a retry after a crash finds it by name and starts its upload. */
    async start(input: {
      name: string;
      baseModelId: string;
      model: ModelSpec;
      remoteUrl: string;
      description: string;
    }): Promise<UploadStatus> {
      const { name, baseModelId, model, remoteUrl, description } = input;
      let record = await ownModel(name);
      if (!record) {
        try {
          record = await api().models.create({ name, baseModelId, type: model.type, description });
        } catch (error) {
          if (!(error instanceof ProviderError && error.status === 409)) throw error;
          record = await ownModel(name);
          if (!record) throw error;
        }
      }
      const upload = await api().uploads.create({
        modelId: record.id,
        remoteUrl,
        ...(model.hfToken ? { token: model.hfToken } : {}),
      });
      return status(upload);
    },

    get: async (jobId: string) => status(await api().uploads.get(jobId)),
  };
}
