import { WeightsError } from "@hangar/core/weights/index";
import { encodePath, ignored, parseWeightsSource } from "@hangar/core/weights/source";
import { describe, expect, it } from "vitest";

describe("weights source", () => {
  it("reads a Hub repo at main unless a revision follows @", () => {
    expect(parseWeightsSource("hf://acme/tiny-llama")).toEqual({
      kind: "huggingface",
      repo: "acme/tiny-llama",
      revision: "main",
    });
    expect(parseWeightsSource("hf://acme/tiny-llama/@v1.0")).toMatchObject({
      repo: "acme/tiny-llama",
      revision: "v1.0",
    });
    expect(parseWeightsSource("hf://acme/m@refs/pr/3")).toMatchObject({
      repo: "acme/m",
      revision: "refs/pr/3",
    });
  });

  it("treats an S3 prefix as a folder", () => {
    expect(parseWeightsSource("s3://models/qwen")).toEqual({ kind: "s3", bucket: "models", prefix: "qwen/" });
    expect(parseWeightsSource("s3://models/a/b/")).toEqual({ kind: "s3", bucket: "models", prefix: "a/b/" });
    expect(parseWeightsSource("s3://models")).toEqual({ kind: "s3", bucket: "models", prefix: "" });
  });

  it("refuses sources it cannot list, as a non-retryable input error", () => {
    for (const source of [
      "hf://only-org",
      "hf://a/b@",
      "hf://a/b@../main",
      "s3://",
      "https://x/y.tar",
      "acme/m",
    ]) {
      const error = (() => {
        try {
          parseWeightsSource(source);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error, source).toBeInstanceOf(WeightsError);
      expect(error).toMatchObject({ code: "weights.invalid_source", retryable: false });
    }
  });

  it("encodes each segment of a file path but keeps its folders", () => {
    expect(encodePath("sub dir/model #1.safetensors")).toBe("sub%20dir/model%20%231.safetensors");
  });

  it("skips git metadata and folder markers only", () => {
    expect(ignored(".gitattributes")).toBe(true);
    expect(ignored("onnx/.gitattributes")).toBe(true);
    expect(ignored("onnx/")).toBe(true);
    expect(ignored(".gitignore.json")).toBe(false);
    expect(ignored("config.json")).toBe(false);
  });
});
