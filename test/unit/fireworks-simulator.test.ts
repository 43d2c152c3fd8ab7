import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { type FireworksSimulator, startFireworksSimulator } from "@hangar/simulators/fireworks/index";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadRequestError, FireworksClient } from "../../packages/core/providers/fireworks";

let sim: FireworksSimulator;
let client: FireworksClient;
const put = (url: string, headers: Record<string, string>, body: Buffer | Readable) =>
  request(url, { method: "PUT", headers, body });
const signed = (size: number) => ({
  "Content-Type": "application/octet-stream",
  "x-goog-content-length-range": `${size},${size}`,
});

beforeAll(async () => {
  sim = await startFireworksSimulator({ timeScale: 0.01 });
  client = new FireworksClient({
    apiKey: sim.apiKey,
    accountId: sim.account,
    baseUrl: sim.url,
    maxRetries: 0,
  });
});
afterAll(() => sim.close());

describe("the Fireworks simulator's signed-URL storage", () => {
  it("refuses what GCS refuses and takes exactly the declared bytes, streamed", async () => {
    const size = 8 * 1024 * 1024;
    await client.models.create({ modelId: "m1", model: { kind: "HF_BASE_MODEL" } });
    const urls = await client.models.uploadEndpoint("m1", [{ path: "model.safetensors", size }]);
    const url = urls["model.safetensors"]!;
    const wrongType = await put(
      url,
      { ...signed(size), "Content-Type": "application/json" },
      Buffer.alloc(size),
    );
    expect(wrongType.statusCode).toBe(403);
    expect(await wrongType.body.text()).toContain("SignatureDoesNotMatch");
    expect((await put(url, signed(size + 1), Buffer.alloc(size))).statusCode).toBe(403);
    const short = await put(url, signed(size), Buffer.alloc(size - 1));
    expect([short.statusCode, await short.body.text()]).toEqual([
      400,
      expect.stringContaining("EntityTooSmall"),
    ]);
    expect((await put(`${url}x`, signed(size), Buffer.alloc(size))).statusCode).toBe(403);

    const error = await client.models.validateUpload("m1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ code: "FAILED_PRECONDITION" });

    const chunks = Readable.from(
      (function* () {
        for (let i = 0; i < 8; i++) yield Buffer.alloc(1024 * 1024);
      })(),
    );
    expect((await put(url, signed(size), chunks)).statusCode).toBe(200);
    expect(await client.models.validateUpload("m1")).toEqual({ warnings: [] });
    expect((await client.models.get("m1")).state).toBe("READY");
  });

  it("refuses a model on hardware it does not run on, the way Fireworks words it", async () => {
    const error = await client.deployments
      .create("big", {
        baseModel: "accounts/fireworks/models/llama-v3p1-70b-instruct",
        acceleratorType: "NVIDIA_A100_80GB",
        acceleratorCount: 1,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toMatch(/^invalid deployment: model type llama .*requires one of/);
    const amd = await client.deployments
      .create("qwen", {
        baseModel: "accounts/fireworks/models/qwen2p5-7b-instruct",
        acceleratorType: "AMD_MI300X_192GB",
      })
      .catch((e: unknown) => e);
    expect((amd as Error).message).toBe(
      "invalid deployment: model type qwen2 is not supported on AMD_MI300X_192GB",
    );
  });
});

describe("the Fireworks simulator's state file", () => {
  it("keeps models and deployments across a restart", async () => {
    const statePath = join(mkdtempSync(join(tmpdir(), "fw-sim-")), "state.json");
    const first = await startFireworksSimulator({ statePath, timeScale: 0.01 });
    const options = { apiKey: first.apiKey, accountId: first.account };
    await new FireworksClient({ ...options, baseUrl: first.url }).deployments.create("kept", {
      baseModel: "accounts/fireworks/models/llama-v3p1-8b-instruct",
      acceleratorType: "NVIDIA_H100_80GB",
    });
    await first.close();
    const second = await startFireworksSimulator({ statePath });
    const again = new FireworksClient({ ...options, baseUrl: second.url });
    expect((await again.deployments.get("kept")).baseModel).toBe(
      "accounts/fireworks/models/llama-v3p1-8b-instruct",
    );
    await second.close();
  });
});
