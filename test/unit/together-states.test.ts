import { describe, expect, it } from "vitest";
import {
  endpointState,
  jobState,
  parseSource,
  toHardware,
  toUploadStatus,
} from "../../packages/core/providers/together";

describe("Together state mapping", () => {
  it.each([
    ["PENDING", "pending"],
    ["STARTING", "pending"],
    ["STARTED", "running"],
    ["STOPPING", "stopping"],
    ["STOPPED", "stopped"],
    ["ERROR", "failed"],
    ["FAILED", "failed"],
    ["SCALING", "unknown"],
  ] as const)("maps endpoint state %s to %s", (raw, state) => {
    expect(endpointState(raw)).toBe(state);
  });

  it.each([
    ["Queued", "pending"],
    ["Running", "running"],
    ["Complete", "complete"],
    ["Failed", "failed"],
  ] as const)("maps job status %s to %s", (raw, state) => {
    expect(jobState(raw)).toBe(state);
  });

  it("uses the last status update as the upload's message", () => {
    const status = toUploadStatus({
      job_id: "job-1",
      status: "Failed",
      status_updates: [
        { status: "Queued", message: "Job is Queued" },
        { status: "Failed", message: "weights are corrupted" },
      ],
      args: { modelName: "devuser/hangar-dep_1" },
    });
    expect(status).toEqual({
      jobId: "job-1",
      modelName: "devuser/hangar-dep_1",
      state: "failed",
      raw: "Failed",
      message: "weights are corrupted",
    });
  });

  it("converts cents per minute to dollars per hour and keeps the GPU's shape", () => {
    const hardware = toHardware({
      id: "2x_nvidia_h100_80gb_sxm",
      pricing: { cents_per_minute: 11.2 },
      specs: { gpu_type: "h100-80gb", gpu_link: "sxm", gpu_memory: 80, gpu_count: 2 },
      availability: { status: "insufficient" },
      updated_at: "2026-05-04T10:40:00Z",
    });
    expect(hardware).toEqual({
      id: "2x_nvidia_h100_80gb_sxm",
      provider: "together",
      gpu: { type: "h100", count: 2, memoryGb: 80, link: "sxm" },
      pricePerHour: 6.72,
      priceSource: "provider",
      priceAsOf: "2026-05-04T10:40:00Z",
      availability: "insufficient",
    });
  });

  it("reports availability as unknown when Together leaves it out", () => {
    const hardware = toHardware({
      id: "1x_nvidia_l40s",
      pricing: { cents_per_minute: 2.75 },
      specs: { gpu_type: "l40s-48gb", gpu_memory: 48, gpu_count: 1 },
    });
    expect(hardware.availability).toBe("unknown");
  });
});

describe("model sources", () => {
  it("reads hf://, https://, s3:// and bare model names", () => {
    expect(parseSource({ source: "hf://org/repo" })).toEqual({ kind: "huggingface", repo: "org/repo" });
    expect(parseSource({ source: "https://x.test/m.tar.gz" })).toEqual({
      kind: "url",
      url: "https://x.test/m.tar.gz",
    });
    expect(parseSource({ source: "s3://bucket/a/b.tar" })).toEqual({
      kind: "s3",
      bucket: "bucket",
      key: "a/b.tar",
    });
    expect(parseSource({ source: "Qwen/Qwen2.5-7B-Instruct" })).toEqual({
      kind: "name",
      model: "Qwen/Qwen2.5-7B-Instruct",
    });
  });

  it("refuses a scheme it cannot upload from", () => {
    expect(() => parseSource({ source: "gs://bucket/key" })).toThrow("Unsupported model source");
    expect(() => parseSource({ source: "s3://bucket-only" })).toThrow("Unsupported model source");
  });
});
