import { randomUUID } from "node:crypto";
import type { RemoteUploadRetrieveResponse } from "together-ai/resources/beta/models/remote-uploads";
import { CORRUPT_WEIGHTS, type SimModel } from "../jobs";
import { iso, type SimState } from "../state";
import { newId } from "./ids";
import { platformModels, type SimV2Model, weightFiles } from "./models";

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

/** Every model a deployment can reference: the project's (advanced to now) and the platform's. */
/** Lands finished v2 uploads, which also makes their models v1's; v1 routes call it before reading models. */
export function advanceUploads(state: SimState) {
  for (const upload of state.v2.uploads.values()) advanceUpload(state, upload);
}
