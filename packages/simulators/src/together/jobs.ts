import { randomUUID } from "node:crypto";
// Types only: the official SDK's wire shapes are what the simulator answers with.
import type { UploadStatusResponse } from "together-ai/resources/models/uploads";
import { estimateMemoryGb } from "./catalog";
import { isoSeconds, type SimState, type Transition } from "./state";

export type SimModel = {
  uuid: string;
  id: string;
  type: "model" | "adapter";
  /** Adapters: the model they were trained on; they bind only to an endpoint serving it. */
  base_model?: string;
  memoryGb: number;
  created: number;
};

type JobStatus = UploadStatusResponse["status"];

export type SimJob = {
  job_id: string;
  status: JobStatus;
  status_updates: { status: string; message: string; timestamp: string }[];
  args: { description?: string; modelName: string; modelSource: string };
  created: number;
  updated: number;
  plan: Transition<JobStatus>[];
  model: SimModel;
};

export const CORRUPT_WEIGHTS =
  "Failed to load model weights: model-00001-of-00002.safetensors is corrupted (safetensors header invalid)";

export type UploadInput = {
  model_name: string;
  model_source: string;
  model_type?: "model" | "adapter";
  description?: string;
  base_model?: string;
};

/** `hubFailure`: why the Hub won't give the importer the repo's files, found before the job starts. */
export function startUpload(state: SimState, input: UploadInput, hubFailure?: string): SimJob {
  const now = state.now();
  const running = now + state.step("jobQueuedMs");
  const done = running + state.step("jobRunningMs");
  const failure =
    hubFailure ??
    (input.model_source.toLowerCase().includes("corrupt") ? CORRUPT_WEIGHTS : state.failNextUploads.shift());
  const job: SimJob = {
    job_id: `job-${randomUUID()}`,
    status: "Queued",
    status_updates: [{ status: "Queued", message: "Job is Queued", timestamp: isoSeconds(now) }],
    args: {
      description: input.description,
      modelName: `${state.owner}/${input.model_name}`,
      modelSource: input.model_source,
    },
    created: now,
    updated: now,
    plan: [
      { state: "Running", at: running, message: "Job is Running" },
      failure
        ? { state: "Failed", at: done, message: failure }
        : { state: "Complete", at: done, message: "Job is Complete" },
    ],
    model: {
      uuid: `model-${randomUUID()}`,
      id: `${state.owner}/${input.model_name}`,
      type: input.model_type ?? "model",
      ...(input.model_type === "adapter" && input.base_model ? { base_model: input.base_model } : {}),
      memoryGb: estimateMemoryGb(input.model_source),
      created: Math.floor(now / 1000),
    },
  };
  state.jobs.set(job.job_id, job);
  return job;
}

export function advanceJob(state: SimState, job: SimJob): SimJob {
  const now = state.now();
  while (job.plan[0] && job.plan[0].at <= now) {
    const next = job.plan.shift()!;
    job.status = next.state;
    job.updated = next.at;
    job.status_updates.push({
      status: next.state,
      message: next.message ?? `Job is ${next.state}`,
      timestamp: isoSeconds(next.at),
    });
    if (next.state === "Complete") state.models.set(job.model.id, job.model);
  }
  return job;
}

/** An uploaded model, once its job has completed. */
export function uploadedModel(state: SimState, id: string): SimModel | undefined {
  for (const job of state.jobs.values()) advanceJob(state, job);
  return state.models.get(id);
}

export function jobView(job: SimJob): UploadStatusResponse {
  const { description, modelName, modelSource } = job.args;
  return {
    type: "model_upload",
    job_id: job.job_id,
    status: job.status,
    status_updates: job.status_updates,
    args: { ...(description === undefined ? {} : { description }), modelName, modelSource },
    created_at: isoSeconds(job.created),
    updated_at: isoSeconds(job.updated),
  };
}

/** Where the weights came from, as Together reports it: a kind, not the URL. */
export function sourceKind(source: string): string {
  if (/^https?:\/\/(www\.)?huggingface\.co\//i.test(source) || !/^https?:\/\//i.test(source))
    return "huggingface";
  return "remote_archive";
}
