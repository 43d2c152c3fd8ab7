import { CreateInput, UpdateInput } from "@hangar/core/deployment/input";
import { describe, expect, it } from "vitest";

const valid = {
  provider: "together",
  model: { source: "hf://Qwen/Qwen2.5-7B-Instruct" },
  hardware: "1x_nvidia_h100_80gb_sxm",
};

describe("deployment input", () => {
  it("accepts each kind of model source", () => {
    for (const source of [
      "hf://Qwen/Qwen2.5-7B-Instruct",
      "s3://my-bucket/models/qwen.tar.gz",
      "https://example.com/model.tar.gz",
      "meta-llama/Llama-3.1-8B-Instruct",
    ]) {
      expect(CreateInput.safeParse({ ...valid, model: { source } }).success, source).toBe(true);
    }
  });

  it("rejects sources it cannot fetch", () => {
    for (const source of ["http://example.com/m.tar", "ftp://x/y", "hf://only-org", "", "s3://"]) {
      expect(CreateInput.safeParse({ ...valid, model: { source } }).success, source).toBe(false);
    }
  });

  it("fills defaults: a model, one replica, and leaves the idle policy to the tenant's default", () => {
    const parsed = CreateInput.parse(valid);
    expect(parsed.model.type).toBe("model");
    expect(parsed.autoscaling).toEqual({ minReplicas: 1, maxReplicas: 1 });
    expect(parsed.idleTimeoutMinutes).toBeUndefined();
    expect(parsed.allowAdapters).toBe(false);
  });

  it("needs minReplicas 0 for scale to zero, and hardware unless loaded onto a deployment", () => {
    expect(CreateInput.safeParse({ ...valid, scaleToZero: { afterIdleMinutes: 10 } }).success).toBe(false);
    expect(
      CreateInput.safeParse({
        ...valid,
        autoscaling: { minReplicas: 0, maxReplicas: 1 },
        scaleToZero: { afterIdleMinutes: 10 },
      }).success,
    ).toBe(true);
    const { hardware: _, ...noHardware } = valid;
    expect(CreateInput.safeParse(noHardware).success).toBe(false);
    const onBase = {
      ...noHardware,
      model: { source: "hf://me/lora", type: "adapter", baseDeploymentId: "dep_01jd4k2z5x8q3w6e9r0t1y2u3i" },
    };
    expect(CreateInput.safeParse(onBase).success).toBe(true);
  });

  it("requires a base model for an adapter", () => {
    const result = CreateInput.safeParse({ ...valid, model: { source: "hf://me/lora", type: "adapter" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["model", "baseModel"]);
  });

  it("rejects min replicas above max, unknown providers and bad hardware ids", () => {
    expect(CreateInput.safeParse({ ...valid, autoscaling: { minReplicas: 3, maxReplicas: 1 } }).success).toBe(
      false,
    );
    expect(CreateInput.safeParse({ ...valid, provider: "acme" }).success).toBe(false);
    expect(CreateInput.safeParse({ ...valid, hardware: "h100; rm -rf /" }).success).toBe(false);
  });

  it("requires an update to change something", () => {
    expect(UpdateInput.safeParse({}).success).toBe(false);
    expect(UpdateInput.safeParse({ autoscaling: { minReplicas: 1, maxReplicas: 2 } }).success).toBe(true);
  });
});
