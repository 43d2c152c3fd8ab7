import { describe, expect, it } from "vitest";
import {
  allHardware,
  createFireworksProvider,
  deploymentIdFor,
  describeError,
  duration,
  endpointState,
  fieldPaths,
  fireworksModel,
  hardwareId,
  PRICES_AS_OF,
  parseDuration,
  parseHardwareId,
  precisions,
  pricePerGpuHour,
  rawDeploymentState,
  resourceId,
  toAdapterStatus,
  toEndpointStatus,
  toHardware,
  updateMask,
  uploadModelId,
  uploadState,
  Wire,
} from "../../packages/core/providers/fireworks";
import { ProviderError } from "../../packages/core/src/provider/error";

const deployment = (fields: Record<string, unknown>) =>
  Wire.Deployment.parse({ name: "accounts/acme/deployments/hangar-dep-1", ...fields });

describe("Fireworks deployment states", () => {
  it.each([
    [{ state: "CREATING", maxReplicaCount: 1 }, "pending"],
    [{ state: "UPDATING", maxReplicaCount: 2 }, "pending"],
    [{ state: "UPDATING", maxReplicaCount: 0, replicaCount: 1 }, "stopping"],
    [{ state: "READY", maxReplicaCount: 1, replicaCount: 1 }, "running"],
    [{ state: "READY", minReplicaCount: 0, maxReplicaCount: 1 }, "running"],
    [{ state: "READY", maxReplicaCount: 0, replicaCount: 1 }, "stopping"],
    [{ state: "READY", maxReplicaCount: 0 }, "stopped"],
    [{ state: "FAILED" }, "failed"],
    [{ state: "DELETING" }, "stopping"],
    [{ state: "STATE_FROM_THE_FUTURE" }, "unknown"],
  ])("maps %o to %s", (fields, expected) => {
    expect(endpointState(deployment(fields))).toBe(expected);
  });

  it("keeps the raw state with replicas for humans and reads proto3 defaults", () => {
    const scaledToZero = deployment({ state: "READY", maxReplicaCount: 0 });
    expect(rawDeploymentState(scaledToZero)).toBe("READY(replicas=0/0)");
    expect(
      toEndpointStatus(
        deployment({
          state: "READY",
          acceleratorType: "NVIDIA_H100_80GB",
          acceleratorCount: 2,
          maxReplicaCount: 3,
          minReplicaCount: 1,
          displayName: "hangar-dep_1",
        }),
      ),
    ).toEqual({
      id: "hangar-dep-1",
      name: "accounts/acme/deployments/hangar-dep-1",
      state: "running",
      raw: "READY(replicas=0/3)",
      hardware: "2x_nvidia_h100_80gb",
      autoscaling: { minReplicas: 1, maxReplicas: 3 },
      displayName: "hangar-dep_1",
      readyReplicas: 0,
    });
  });

  it("reports the ready replicas Fireworks breaks out, else every replica it runs, as what it bills", () => {
    const base = { state: "READY", maxReplicaCount: 3, minReplicaCount: 1 };
    expect(toEndpointStatus(deployment({ ...base, replicaCount: 3 })).readyReplicas).toBe(3);
    expect(
      toEndpointStatus(deployment({ ...base, replicaCount: 3, replicaStats: { readyReplicaCount: 2 } }))
        .readyReplicas,
    ).toBe(2);
  });
});

describe("Fireworks upload and adapter states", () => {
  it("maps UPLOADING to pending, READY to complete and a failed status to failed", () => {
    expect(uploadState({ state: "UPLOADING" })).toBe("pending");
    expect(uploadState({ state: "READY", status: { code: "OK" } })).toBe("complete");
    expect(uploadState({ state: "UPLOADING", status: { code: "INVALID_ARGUMENT", message: "bad" } })).toBe(
      "failed",
    );
    expect(uploadState({ state: "FAILED" })).toBe("failed");
  });

  it("names an adapter the way inference addresses it", () => {
    const loaded = Wire.DeployedModel.parse({
      name: "accounts/acme/deployedModels/lora-ab12cd",
      model: "accounts/acme/models/lora",
      deployment: "accounts/acme/deployments/base",
      state: "DEPLOYED",
    });
    expect(toAdapterStatus(loaded, { model: "", deployment: "" })).toEqual({
      id: "lora-ab12cd",
      name: "accounts/acme/models/lora#accounts/acme/deployments/base",
      state: "running",
      raw: "DEPLOYED",
    });
  });
});

describe("Fireworks hardware ids and prices", () => {
  it("round-trips a hardware id and an accelerator", () => {
    expect(parseHardwareId("1x_nvidia_h100_80gb")).toEqual({
      acceleratorType: "NVIDIA_H100_80GB",
      acceleratorCount: 1,
    });
    expect(hardwareId({ acceleratorType: "AMD_MI300X_192GB", acceleratorCount: 8 })).toBe(
      "8x_amd_mi300x_192gb",
    );
    expect(() => parseHardwareId("h100")).toThrow(ProviderError);
    expect(() => parseHardwareId("0x_nvidia_h100_80gb")).toThrow(/Not a Fireworks hardware id/);
  });

  it("prices a replica as the table's GPU price times the count, dated", () => {
    expect(toHardware({ acceleratorType: "NVIDIA_H100_80GB", acceleratorCount: 2 })).toEqual({
      id: "2x_nvidia_h100_80gb",
      provider: "fireworks",
      gpu: { type: "h100", count: 2, memoryGb: 80 },
      pricePerHour: 2 * pricePerGpuHour.NVIDIA_H100_80GB!,
      priceSource: "table",
      priceAsOf: PRICES_AS_OF,
      availability: "unknown",
    });
    expect(toHardware({ acceleratorType: "NVIDIA_L4_24GB", acceleratorCount: 1 })).toBeUndefined();
    expect(PRICES_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("offers every priced accelerator at 1, 2, 4 and 8 GPUs, each with a price", () => {
    const all = allHardware();
    expect(all).toHaveLength(Object.keys(pricePerGpuHour).length * 4);
    expect(all.every((h) => h.pricePerHour > 0 && h.priceSource === "table")).toBe(true);
  });
});

describe("Fireworks wire formats", () => {
  it("writes durations as proto Duration seconds", () => {
    expect(duration(300)).toBe("300s");
    expect(duration(15 * 60)).toBe("900s");
    expect(parseDuration("3600s")).toBe(3600);
    expect(parseDuration("10m")).toBeUndefined();
    expect(() => duration(-1)).toThrow(RangeError);
  });

  it("builds a snake_case update mask from the fields a body sets", () => {
    const body = {
      minReplicaCount: 0,
      maxReplicaCount: 0,
      autoscalingPolicy: { scaleToZeroWindow: "300s" },
      displayName: undefined,
    };
    expect(fieldPaths(body)).toEqual([
      "minReplicaCount",
      "maxReplicaCount",
      "autoscalingPolicy.scaleToZeroWindow",
    ]);
    expect(updateMask(fieldPaths(body))).toBe(
      "min_replica_count,max_replica_count,autoscaling_policy.scale_to_zero_window",
    );
    expect(() => updateMask([])).toThrow();
  });

  it("reads grpc-gateway, Google and inference error bodies alike", () => {
    expect(describeError(400, { code: 9, message: "files missing" })).toEqual({
      message: "files missing",
      code: "FAILED_PRECONDITION",
    });
    expect(describeError(409, { error: { code: 409, message: "exists", status: "ALREADY_EXISTS" } })).toEqual(
      { message: "exists", code: "ALREADY_EXISTS" },
    );
    expect(
      describeError(503, { error: { message: "scaling", code: "DEPLOYMENT_SCALING_UP", type: "error" } })
        .code,
    ).toBe("DEPLOYMENT_SCALING_UP");
    expect(describeError(400, "FAILED_PRECONDITION: not yet").code).toBe("FAILED_PRECONDITION");
  });
});

describe("Fireworks ids and sources", () => {
  it("derives valid, deterministic resource ids from Hangar ids", () => {
    expect(uploadModelId("dep_01jd4k2z5x8q3w6e9r0t1y2u3i")).toBe("hangar-dep-01jd4k2z5x8q3w6e9r0t1y2u3i");
    expect(deploymentIdFor("hangar-dep_01JD4K-1x_nvidia_h100_80gb")).toBe(
      "hangar-dep-01jd4k-1x-nvidia-h100-80gb",
    );
    expect(resourceId("1st_try_")).toBe("h-1st-try");
    const long = resourceId(`hangar-${"x".repeat(80)}`);
    expect(long).toHaveLength(63);
    expect(long).not.toBe(resourceId(`hangar-${"x".repeat(81)}`));
    expect(long).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
  });

  it("treats Fireworks model names as deployable and anything else as an upload", () => {
    const provider = createFireworksProvider({ apiKey: "k", accountId: "acme" });
    const needs = (source: string) => provider.needsUpload({ source, type: "model" });
    expect(fireworksModel("llama-v3p1-8b-instruct")).toBe("accounts/fireworks/models/llama-v3p1-8b-instruct");
    expect(needs("accounts/fireworks/models/qwen2p5-7b-instruct")).toBe(false);
    expect(needs("accounts/acme/models/my-model")).toBe(false);
    expect(needs("qwen2p5-7b-instruct")).toBe(false);
    expect(needs("hf://Qwen/Qwen2.5-7B")).toBe(true);
    expect(needs("s3://bucket/prefix")).toBe(true);
    expect(needs("Qwen/Qwen2.5-7B")).toBe(true);
  });

  it("offers the real precisions without PRECISION_UNSPECIFIED", () => {
    const provider = createFireworksProvider({ apiKey: "k", accountId: "acme" });
    expect(provider.capabilities).toEqual({
      upload: "push",
      scaleToZero: true,
      precisions,
      adapters: true,
      adapterEndpoints: true,
      deletesStoppedAfterDays: 7,
    });
    expect(precisions).toContain("FP8");
    expect(precisions).not.toContain("PRECISION_UNSPECIFIED");
  });
});

describe("Fireworks rollout progress", () => {
  const deployment = (replicaStats?: Record<string, number>) =>
    Wire.Deployment.parse({
      name: "accounts/acme/deployments/d1",
      state: "CREATING",
      maxReplicaCount: 2,
      ...(replicaStats ? { replicaStats } : {}),
    });

  it("reports the least advanced phase a wanted replica is in, and the share already ready", () => {
    const progress = (stats: Record<string, number>) => toEndpointStatus(deployment(stats)).progress;
    expect(progress({ pendingSchedulingReplicaCount: 1, downloadingModelReplicaCount: 1 })).toEqual({
      phase: "scheduling",
      fraction: 0,
    });
    expect(progress({ downloadingModelReplicaCount: 2 })).toEqual({ phase: "downloading", fraction: 0 });
    expect(progress({ initializingReplicaCount: 1, readyReplicaCount: 1 })).toEqual({
      phase: "initializing",
      fraction: 0.5,
    });
    expect(progress({ readyReplicaCount: 2 })).toEqual({ phase: "ready", fraction: 1 });
  });

  it("says nothing of progress when Fireworks reports no replica stats", () => {
    expect(toEndpointStatus(deployment()).progress).toBeUndefined();
    expect(toEndpointStatus(deployment({})).progress).toBeUndefined();
  });
});
