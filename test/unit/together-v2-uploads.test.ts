import { describe, expect, it } from "vitest";
import {
  familyOf,
  isV2UploadJob,
  pickBase,
  toUploadStatus,
} from "../../packages/core/providers/together/v2/uploads";

const upload = (status: string, statusMessage?: string) => ({
  id: "job_abc",
  modelId: "ml_model",
  projectId: "proj_1",
  status,
  createdAt: "2026-12-01T00:00:00Z",
  ...(statusMessage ? { statusMessage } : {}),
});

describe("Together v2 upload mapping", () => {
  it("names the uploaded model by its resource name and keeps the job id", () => {
    expect(toUploadStatus(upload("REMOTE_UPLOAD_STATUS_PENDING"))).toEqual({
      jobId: "job_abc",
      modelName: "projects/proj_1/models/ml_model",
      state: "pending",
      raw: "REMOTE_UPLOAD_STATUS_PENDING",
    });
  });

  it("treats a running job and one in ERROR (a restart in progress) as still running", () => {
    expect(toUploadStatus(upload("REMOTE_UPLOAD_STATUS_RUNNING")).state).toBe("running");
    expect(toUploadStatus(upload("REMOTE_UPLOAD_STATUS_ERROR", "retrying")).state).toBe("running");
  });

  it("fails a failed job with Together's message", () => {
    expect(toUploadStatus(upload("REMOTE_UPLOAD_STATUS_FAILED", "corrupt shard"))).toMatchObject({
      state: "failed",
      message: "corrupt shard",
    });
  });

  it("completes a succeeded job only once its revision validates", () => {
    const done = upload("REMOTE_UPLOAD_STATUS_SUCCEEDED");
    expect(toUploadStatus(done).state).toBe("running");
    const pending = { revisionId: "rv_1", validationStatus: "REVISION_VALIDATION_STATUS_PENDING" };
    expect(toUploadStatus(done, pending).state).toBe("running");
    const valid = { revisionId: "rv_1", validationStatus: "REVISION_VALIDATION_STATUS_SUCCESS" };
    expect(toUploadStatus(done, valid)).toMatchObject({ state: "complete", raw: valid.validationStatus });
  });

  it("fails a revision that fails validation with its errors' messages", () => {
    const revision = {
      revisionId: "rv_1",
      validationStatus: "REVISION_VALIDATION_STATUS_FAILED",
      validationErrors: [{ message: "missing config.json" }, { message: "bad dtype" }],
    };
    expect(toUploadStatus(upload("REMOTE_UPLOAD_STATUS_SUCCEEDED"), revision)).toMatchObject({
      state: "failed",
      message: "the uploaded weights failed validation: missing config.json; bad dtype",
    });
    const error = { revisionId: "rv_1", validationStatus: "REVISION_VALIDATION_STATUS_ERROR" };
    expect(toUploadStatus(upload("REMOTE_UPLOAD_STATUS_SUCCEEDED"), error).state).toBe("failed");
  });

  it("tells v2 upload jobs from v1 ones by their id", () => {
    expect(isV2UploadJob("job_iKcRYJYHx4D2")).toBe(true);
    expect(isV2UploadJob("job-3f2a9c1e-0000-4000-8000-000000000000")).toBe(false);
  });

  it("reads the architecture family a catalogue name carries", () => {
    expect(familyOf("LlamaForCausalLM")).toBe("llama");
    expect(familyOf("Qwen2ForCausalLM")).toBe("qwen2");
    expect(familyOf("Weird")).toBeUndefined();
  });

  it("picks the base by an exact name first, then by architecture family, else none", () => {
    const supported = [
      { id: "arch_q", name: "Qwen/Qwen2.5-7B-Instruct", baseModelId: "ml_qwen" },
      { id: "arch_l2", name: "meta-llama/Llama-3.3-70B-Instruct-Turbo", baseModelId: "ml_llama70" },
      { id: "arch_l1", name: "meta-llama/Llama-3.1-8B-Instruct", baseModelId: "ml_llama8" },
    ];
    expect(pickBase(supported, { names: ["qwen/qwen2.5-7b-instruct"], architectures: [] })).toBe("ml_qwen");
    expect(pickBase(supported, { names: ["acme/unknown"], architectures: ["LlamaForCausalLM"] })).toBe(
      "ml_llama8",
    );
    expect(pickBase(supported, { names: [], architectures: ["MistralForCausalLM"] })).toBeUndefined();
  });
});
