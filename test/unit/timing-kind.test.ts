import { completes, sizeClass, stepKind } from "@hangar/core/timing/kind";
import { describe, expect, it } from "vitest";

describe("model-size classes", () => {
  it.each([
    ["hf://meta-llama/Llama-3.1-8B-Instruct", "small"],
    ["Qwen/Qwen2.5-7B-Instruct", "small"],
    ["accounts/fireworks/models/llama-v3p1-8b-instruct", "small"],
    ["hf://mistralai/Mistral-Small-24B-Instruct", "medium"],
    ["hf://mistralai/Mixtral-8x7B-Instruct-v0.1", "medium"],
    ["openai/gpt-oss-120b", "large"],
    ["meta-llama/Llama-3.3-70B-Instruct-Turbo", "large"],
    ["hf://acme/tiny-llama", "unknown"],
    ["s3://bucket/model.tar.gz", "unknown"],
  ])("reads %s as %s", (model, size) => {
    expect(sizeClass(model)).toBe(size);
  });
});

describe("step kinds", () => {
  it("names the in-flight states whose durations are kept", () => {
    expect(stepKind("uploading")).toBe("upload");
    expect(stepKind("provisioning")).toBe("provisioning");
    expect(stepKind("starting")).toBe("start");
    expect(stepKind("stopping")).toBe("stop");
    expect(stepKind("updating")).toBeUndefined();
    expect(stepKind("ready")).toBeUndefined();
  });

  it("counts only the exits that complete a step, not failures or cancels", () => {
    expect(completes("provisioning", "ready")).toBe("provisioning");
    expect(completes("uploading", "provisioning")).toBe("upload");
    expect(completes("starting", "ready")).toBe("start");
    expect(completes("stopping", "stopped")).toBe("stop");
    expect(completes("provisioning", "failed")).toBeUndefined();
    expect(completes("provisioning", "stopping")).toBeUndefined();
    expect(completes("stopping", "starting")).toBeUndefined();
  });
});
