import type { ModelSpec, SourceFile, Transfer, UploadStatus } from "../../src/provider";
import { ProviderError } from "../../src/provider/error";
import type { FireworksClient } from "./client";
import {
  BadRequestError,
  InvalidResponseError,
  isAlreadyExists,
  isFailedPrecondition,
  NotFoundError,
} from "./errors";
import { fireworksModel, uploadModelId } from "./ids";
import { toUploadStatus } from "./states";
import type { Wire } from "./wire";

export type PushedUpload = UploadStatus & { transfers: Transfer[] };

const invalid = (message: string, code: string) =>
  new ProviderError("fireworks", message, { retryable: false, code });

function createBody(deploymentId: string, model: ModelSpec): Wire.CreateModel {
  const modelId = uploadModelId(deploymentId);
  const hf = /^hf:\/\/(.+?)\/*$/i.exec(model.source.trim())?.[1];
  const common = {
    displayName: modelId,
    description: `Hangar deployment ${deploymentId}`,
    ...(hf ? { huggingFaceUrl: `https://huggingface.co/${hf}` } : {}),
  };
  if (model.type === "model") {
    return {
      modelId,
      model: {
        ...common,
        kind: "HF_BASE_MODEL",
        baseModelDetails: { checkpointFormat: "HUGGINGFACE", worldSize: 1 },
      },
    };
  }
  const baseModel = model.baseModel && (fireworksModel(model.baseModel) ?? model.baseModel);
  if (!baseModel) throw invalid("An adapter needs the base model it was trained on", "base_model_required");
  // Fireworks wants the rank and modules at create, and checks them against the uploaded config.
  if (!model.adapter)
    throw invalid("An adapter needs its LoRA rank and target modules (adapter_config.json)", "lora_required");
  const { rank: r, targetModules } = model.adapter;
  return {
    modelId,
    model: { ...common, kind: "HF_PEFT_ADDON", peftDetails: { baseModel, r, targetModules } },
  };
}

/** The push upload flow: create the model, hand out signed URLs, validate, prepare a precision. */
export function uploads(api: () => FireworksClient) {
  async function transfers(modelId: string, files: SourceFile[]): Promise<Transfer[]> {
    const urls = await api().models.uploadEndpoint(modelId, files);
    return files.map(({ path, size }) => {
      const url = urls[path];
      if (!url)
        throw new InvalidResponseError(`Fireworks gave no upload URL for ${path}`, { retryable: true });
      // Both headers are part of the URL's signature; the storage answers 403 if they differ.
      const headers = {
        "Content-Type": "application/octet-stream",
        "x-goog-content-length-range": `${size},${size}`,
      };
      return { path, size, url, method: "PUT" as const, headers };
    });
  }

  async function find(modelId: string): Promise<Wire.Model | undefined> {
    try {
      return await api().models.get(modelId);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  return {
    async findUpload({ deploymentId }: { deploymentId: string }) {
      const model = await find(uploadModelId(deploymentId));
      return model && toUploadStatus(model);
    },

    /** A redelivery finds the model already there (409) and carries on with it. */
    async startUpload(input: {
      deploymentId: string;
      model: ModelSpec;
      files?: SourceFile[];
    }): Promise<PushedUpload> {
      if (!input.files?.length)
        throw invalid("Fireworks uploads are pushed: the source's files are needed", "files_required");
      const body = createBody(input.deploymentId, input.model);
      let model: Wire.Model;
      try {
        model = await api().models.create(body);
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
        model = await api().models.get(body.modelId);
      }
      const status = toUploadStatus(model);
      return {
        ...status,
        transfers: model.state === "UPLOADING" ? await transfers(body.modelId, input.files) : [],
      };
    },

    uploadTargets: (jobId: string, files: SourceFile[]) => transfers(jobId, files),

    /** Not all files landed yet is "pending" (FAILED_PRECONDITION); any other 400 is the upload's failure. */
    async completeUpload(jobId: string, { precision }: { precision?: string }): Promise<UploadStatus> {
      try {
        await api().models.validateUpload(jobId);
      } catch (error) {
        const model = await api().models.get(jobId);
        if (isFailedPrecondition(error))
          return { ...toUploadStatus(model), state: "pending", message: error.message };
        if (error instanceof BadRequestError)
          return { ...toUploadStatus(model), state: "failed", message: error.message };
        throw error;
      }
      const model = await api().models.get(jobId);
      if (precision && !model.supportedPrecisions.includes(precision)) {
        await api().models.prepare(jobId, precision);
        return toUploadStatus(await api().models.get(jobId));
      }
      return toUploadStatus(model);
    },

    getUpload: async (jobId: string) => toUploadStatus(await api().models.get(jobId)),
  };
}
