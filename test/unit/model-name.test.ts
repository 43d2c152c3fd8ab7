import { repoName, sameBase } from "@hangar/core/deployment/model-name";
import { describe, expect, it } from "vitest";

describe("repoName", () => {
  it("drops hf://, a trailing revision and case", () => {
    expect(repoName("hf://Acme/Tiny-Llama@main")).toBe("acme/tiny-llama");
    expect(repoName("meta-llama/Llama-3.1-8B-Instruct")).toBe("meta-llama/llama-3.1-8b-instruct");
    expect(repoName("https://huggingface.co/Qwen/Qwen2.5-7B-Instruct/")).toBe("qwen/qwen2.5-7b-instruct");
  });

  it("names no repo for archives, buckets and provider-specific names", () => {
    expect(repoName("s3://bucket/models/llama")).toBeUndefined();
    expect(repoName("https://example.com/llama.tar.gz")).toBeUndefined();
    expect(repoName("accounts/fireworks/models/llama-v3p1-8b-instruct")).toBeUndefined();
    expect(repoName("/home/me/checkpoints")).toBeUndefined();
  });
});

describe("sameBase", () => {
  it("matches the same repo however it is written", () => {
    expect(sameBase("acme/tiny-llama", "hf://acme/tiny-llama@3f2a1b")).toBe(true);
    expect(sameBase("Qwen/Qwen2.5-7B-Instruct", "qwen/qwen2.5-7b-instruct")).toBe(true);
  });

  it("tells different repos apart", () => {
    expect(sameBase("acme/tiny-llama", "Qwen/Qwen2.5-7B-Instruct")).toBe(false);
    expect(sameBase("meta-llama/Llama-3.1-8B", "meta-llama/Llama-3.1-8B-Instruct")).toBe(false);
  });

  it("says nothing when either side names no repo", () => {
    expect(sameBase("acme/tiny-llama", "accounts/fireworks/models/llama-v3p1-8b-instruct")).toBeUndefined();
    expect(sameBase("/checkpoints/base", "acme/tiny-llama")).toBeUndefined();
  });
});
