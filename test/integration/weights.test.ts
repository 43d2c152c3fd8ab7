import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { ModelSpec, Transfer } from "@hangar/core/provider/index";
import { listFiles, readJson, sendFile, type WeightsFile } from "@hangar/core/weights/index";
import { startFireworksSimulator } from "@hangar/simulators/fireworks/index";
import { type HubSimulator, startHubSimulator } from "@hangar/simulators/huggingface/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stack } from "../support/stack";

const MiB = 1024 * 1024;

type Received = { path: string; bytes: number; sha256: string; complete: boolean };

/**
 * Stands in for a provider's signed upload URL: refuses a PUT whose signed headers (content type,
 * exact length range) or length differ from what it signed, as GCS does, and keeps only counts.
 */
async function startSink() {
  const signed = new Map<string, number>();
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://sink");
    const size = signed.get(url.searchParams.get("X-Goog-Signature") ?? "");
    const range = `${size},${size}`;
    if (
      req.method !== "PUT" ||
      size === undefined ||
      req.headers["content-type"] !== "application/octet-stream" ||
      req.headers["x-goog-content-length-range"] !== range ||
      req.headers["content-length"] !== String(size) ||
      req.headers.authorization
    ) {
      req.resume();
      res
        .writeHead(403, { "content-type": "application/xml" })
        .end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
      return;
    }
    const entry: Received = {
      path: decodeURIComponent(url.pathname.slice(8)),
      bytes: 0,
      sha256: "",
      complete: false,
    };
    received.push(entry);
    const hash = createHash("sha256");
    req.on("data", (chunk: Buffer) => {
      entry.bytes += chunk.length;
      hash.update(chunk);
    });
    req.on("end", () => {
      entry.sha256 = hash.digest("hex");
      entry.complete = entry.bytes === size;
      res.writeHead(entry.complete ? 200 : 400).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    received,
    target(file: { path: string; size: number }, headers?: Record<string, string>): Transfer {
      const signature = randomBytes(16).toString("hex");
      signed.set(signature, file.size);
      return {
        path: file.path,
        size: file.size,
        url: `${base}/upload/${encodeURIComponent(file.path)}?X-Goog-Signature=${signature}`,
        method: "PUT",
        headers: headers ?? {
          "Content-Type": "application/octet-stream",
          "x-goog-content-length-range": `${file.size},${file.size}`,
        },
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Sink = Awaited<ReturnType<typeof startSink>>;

async function failure(promise: Promise<unknown>): Promise<Error & { code?: string; retryable?: boolean }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string; retryable?: boolean };
  }
  throw new Error("expected a failure");
}

let hub: HubSimulator;
let sink: Sink;

beforeAll(async () => {
  // Four entries a page: every Hub listing below spans pages through `Link: rel="next"`.
  hub = await startHubSimulator({ port: 0, pageSize: 4 });
  process.env.HF_ENDPOINT = hub.url;
  sink = await startSink();
});

afterAll(async () => {
  await hub?.close();
  await sink?.close();
});

async function sendAll(model: ModelSpec, files: WeightsFile[]) {
  return Promise.all(files.map((file) => sendFile(model, file, sink.target(file))));
}

describe("weights from the Hugging Face Hub", () => {
  it("lists a public repo's files with the sha256 of its LFS files, across pages", async () => {
    const files = await listFiles({ source: "hf://acme/tiny-llama", type: "model" });
    expect(files.map((f) => f.path)).toEqual([
      "README.md",
      "config.json",
      "generation_config.json",
      "model.safetensors",
      "tokenizer.json",
      "tokenizer_config.json",
    ]);
    const weights = files.find((f) => f.path === "model.safetensors");
    expect(weights).toMatchObject({ size: 4 * MiB, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(files.find((f) => f.path === "config.json")?.sha256).toBeUndefined();
  });

  it("sends every file, following the LFS redirect to the CDN, byte for byte", async () => {
    const model: ModelSpec = { source: "hf://acme/tiny-llama", type: "model" };
    const files = await listFiles(model);
    const sent = await sendAll(model, files);
    for (const [i, file] of files.entries()) {
      const landed = sink.received.find((r) => r.path === file.path && r.complete);
      expect(sent[i]).toEqual({ bytes: file.size, sha256: landed?.sha256 });
      if (file.sha256) expect(sent[i]?.sha256).toBe(file.sha256);
    }
  });

  it("lists nested folders' files and skips the folders", async () => {
    hub.addRepo("acme/sharded", {
      files: {
        "config.json": { content: "{}" },
        "shards/model-00001-of-00002.safetensors": { size: 300_000 },
        "shards/model-00002-of-00002.safetensors": { size: 200_000 },
        "onnx/extra/model.onnx": { size: 1000 },
      },
    });
    const model: ModelSpec = { source: "hf://acme/sharded", type: "model" };
    const files = await listFiles(model);
    expect(files.map((f) => f.path)).toEqual([
      "config.json",
      "onnx/extra/model.onnx",
      "shards/model-00001-of-00002.safetensors",
      "shards/model-00002-of-00002.safetensors",
    ]);
    await sendAll(model, files);
  });

  it("reads a private repo with hfToken, at a pinned commit too", async () => {
    const response = await fetch(`${hub.url}/api/models/acme/private-llama`, {
      headers: { authorization: `Bearer ${hub.token}` },
    });
    const info = (await response.json()) as { sha: string };
    for (const source of ["hf://acme/private-llama", `hf://acme/private-llama@${info.sha}`]) {
      const model: ModelSpec = { source, type: "model", hfToken: hub.token };
      const files = await listFiles(model);
      expect(files.map((f) => f.path)).toEqual(["config.json", "model.safetensors"]);
      const sent = await sendAll(model, files);
      expect(sent[1]?.sha256).toBe(files[1]?.sha256);
    }
  });

  it("says to pass hfToken for a private repo, and never repeats a token it was given", async () => {
    // Anonymous, the Hub can't be told a private repo from a missing one: 401 RepoNotFound.
    const anonymous = await failure(listFiles({ source: "hf://acme/private-llama", type: "model" }));
    expect(anonymous).toMatchObject({ code: "weights.not_found", retryable: false });
    expect(anonymous.message).toContain("pass hfToken");

    const wrong = "hf_wrongtoken123";
    const refused = await failure(
      listFiles({ source: "hf://acme/private-llama", type: "model", hfToken: wrong }),
    );
    expect(refused).toMatchObject({ code: "weights.unauthorized", retryable: false });
    expect(`${refused.message} ${JSON.stringify(refused)}`).not.toContain(wrong);

    const file = { path: "model.safetensors", size: 2 * MiB };
    const send = await failure(
      sendFile({ source: "hf://acme/private-llama", type: "model" }, file, sink.target(file)),
    );
    expect(send).toMatchObject({ code: "weights.not_found" });
  });

  it("lists a gated repo to anyone and explains why its files need hfToken", async () => {
    const files = await listFiles({ source: "hf://acme/gated-llama", type: "model" });
    expect(files).toHaveLength(2);
    const file = files.find((f) => f.path === "model.safetensors");
    if (!file) throw new Error("no model.safetensors listed");
    const error = await failure(
      sendFile({ source: "hf://acme/gated-llama", type: "model" }, file, sink.target(file)),
    );
    expect(error).toMatchObject({ code: "weights.unauthorized", retryable: false });
    expect(error.message).toContain("is gated: accept its licence");
    expect(error.message).toContain("pass hfToken");
    const sent = await sendAll({ source: "hf://acme/gated-llama", type: "model", hfToken: hub.token }, files);
    expect(sent[1]?.sha256).toBe(file.sha256);
  });

  it("tells a missing repo, revision or file apart", async () => {
    const token = hub.token;
    expect(
      await failure(listFiles({ source: "hf://acme/nope", type: "model", hfToken: token })),
    ).toMatchObject({
      code: "weights.not_found",
      retryable: false,
    });
    const revision = await failure(listFiles({ source: "hf://acme/tiny-llama@v9", type: "model" }));
    expect(revision).toMatchObject({ code: "weights.not_found" });
    expect(revision.message).toContain("revision v9");
    const file = { path: "missing.bin", size: 1 };
    const missing = await failure(
      sendFile({ source: "hf://acme/tiny-llama", type: "model" }, file, sink.target(file)),
    );
    expect(missing).toMatchObject({ code: "weights.not_found" });
    expect(missing.message).toContain("missing.bin");
  });

  it("reads a small JSON file, and refuses one too large, not JSON, or missing", async () => {
    const lora: ModelSpec = { source: "hf://acme/tiny-lora", type: "adapter" };
    expect(await readJson(lora, "adapter_config.json")).toMatchObject({
      r: 8,
      target_modules: ["q_proj", "v_proj"],
    });
    expect(await failure(readJson(lora, "adapter_config.json", { maxBytes: 64 }))).toMatchObject({
      code: "weights.invalid_content",
      retryable: false,
      message: "adapter_config.json of hf://acme/tiny-lora is larger than 64 bytes",
    });
    const llama: ModelSpec = { source: "hf://acme/tiny-llama", type: "model" };
    expect(await failure(readJson(llama, "README.md"))).toMatchObject({
      code: "weights.invalid_content",
      message: "README.md of hf://acme/tiny-llama is not valid JSON",
    });
    expect(await failure(readJson(llama, "adapter_config.json"))).toMatchObject({
      code: "weights.not_found",
    });
  });

  it("detects a file whose bytes changed after listing, before it lands whole", async () => {
    const spec = { files: { "model.safetensors": { size: 3 * MiB, seed: 10 } } };
    hub.addRepo("acme/changing", spec);
    const model: ModelSpec = { source: "hf://acme/changing", type: "model" };
    const [file] = await listFiles(model);
    hub.addRepo("acme/changing", { files: { "model.safetensors": { size: 3 * MiB, seed: 11 } } });
    const before = sink.received.length;
    const error = await failure(sendFile(model, file!, sink.target(file!)));
    expect(error).toMatchObject({ code: "weights.checksum_mismatch", retryable: false });
    expect(sink.received.slice(before).some((r) => r.complete)).toBe(false);
  });

  it("detects a file whose size changed after listing", async () => {
    hub.addRepo("acme/growing", { files: { "model.safetensors": { size: 1 * MiB } } });
    const model: ModelSpec = { source: "hf://acme/growing", type: "model" };
    const [file] = await listFiles(model);
    hub.addRepo("acme/growing", { files: { "model.safetensors": { size: 1 * MiB + 1 } } });
    const error = await failure(sendFile(model, file!, sink.target(file!)));
    expect(error).toMatchObject({ code: "weights.size_mismatch", retryable: false });
  });

  it("reports progress every 8 MiB and at the end", async () => {
    hub.addRepo("acme/twenty", { files: { "model.safetensors": { size: 20 * MiB } } });
    const model: ModelSpec = { source: "hf://acme/twenty", type: "model" };
    const [file] = await listFiles(model);
    const seen: number[] = [];
    await sendFile(model, file!, sink.target(file!), { onProgress: (bytes) => seen.push(bytes) });
    expect(seen.length).toBe(3);
    expect(seen[0]).toBeGreaterThanOrEqual(8 * MiB);
    expect(seen[1]).toBeGreaterThanOrEqual(16 * MiB);
    expect(seen.at(-1)).toBe(20 * MiB);
  });

  it("streams a 256 MB file through", async () => {
    hub.addRepo("acme/big", { files: { "model.safetensors": { size: 256 * MiB, seed: 256 } } });
    const model: ModelSpec = { source: "hf://acme/big", type: "model" };
    const [file] = await listFiles(model);
    const sent = await sendFile(model, file!, sink.target(file!));
    const landed = sink.received.find((r) => r.path === "model.safetensors" && r.bytes === 256 * MiB);
    expect(landed).toMatchObject({ complete: true, sha256: file!.sha256 });
    expect(sent).toEqual({ bytes: 256 * MiB, sha256: file!.sha256 });
  });

  it("stops when aborted, as a retryable failure", async () => {
    hub.addRepo("acme/slow", { files: { "model.safetensors": { size: 64 * MiB } } });
    const model: ModelSpec = { source: "hf://acme/slow", type: "model" };
    const [file] = await listFiles(model);
    const controller = new AbortController();
    const error = await failure(
      sendFile(model, file!, sink.target(file!), {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    );
    expect(error).toMatchObject({ code: "weights.aborted", retryable: true });
  });

  it("surfaces a refused upload without the signed URL", async () => {
    const model: ModelSpec = { source: "hf://acme/tiny-llama", type: "model" };
    const file = (await listFiles(model)).find((f) => f.path === "config.json")!;
    const target = sink.target(file, { "Content-Type": "text/plain" });
    const error = await failure(sendFile(model, file, target));
    expect(error).toMatchObject({ code: "weights.target_expired", status: 403, retryable: true });
    expect(error.message).toContain("SignatureDoesNotMatch");
    expect(error.message).not.toContain("X-Goog-Signature");
  });
});

describe("weights from S3", () => {
  const bucket = `weights-${randomBytes(4).toString("hex")}`;
  const s3 = new S3Client({
    region: stack.env.AWS_REGION,
    endpoint: stack.env.HANGAR_S3_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const put = (key: string, body: Buffer | string) =>
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  const weights = randomBytes(5 * MiB);

  beforeAll(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await put("models/tiny/config.json", '{"model_type":"llama"}');
    await put("models/tiny/.gitattributes", "*.safetensors filter=lfs\n");
    await put("models/tiny/model.safetensors", weights);
    await put("models/tiny/sub/extra.json", "{}");
    await put("models/tiny-old/config.json", "{}");
  });

  afterAll(() => s3.destroy());

  it("lists the prefix's files relative to it, and only that folder's", async () => {
    const files = await listFiles({ source: `s3://${bucket}/models/tiny`, type: "model" });
    expect(files).toEqual([
      { path: "config.json", size: 22 },
      { path: "model.safetensors", size: 5 * MiB },
      { path: "sub/extra.json", size: 2 },
    ]);
  });

  it("sends each object byte for byte", async () => {
    const model: ModelSpec = { source: `s3://${bucket}/models/tiny/`, type: "model" };
    const files = await listFiles(model);
    const sent = await sendAll(model, files);
    expect(sent[1]).toEqual({ bytes: 5 * MiB, sha256: createHash("sha256").update(weights).digest("hex") });
    expect(sink.received.find((r) => r.sha256 === sent[1]?.sha256)).toMatchObject({ complete: true });
  });

  it("reads a small JSON object", async () => {
    const model: ModelSpec = { source: `s3://${bucket}/models/tiny`, type: "model" };
    expect(await readJson(model, "config.json")).toEqual({ model_type: "llama" });
  });

  it("detects an object that changed size after listing", async () => {
    const model: ModelSpec = { source: `s3://${bucket}/models/tiny-old`, type: "model" };
    const [file] = await listFiles(model);
    await put("models/tiny-old/config.json", "{ }");
    expect(await failure(sendFile(model, file!, sink.target(file!)))).toMatchObject({
      code: "weights.size_mismatch",
      retryable: false,
    });
  });

  it("treats an empty prefix or a missing bucket as not found", async () => {
    for (const source of [`s3://${bucket}/models/none`, "s3://no-such-bucket-here/models"]) {
      expect(await failure(listFiles({ source, type: "model" })), source).toMatchObject({
        code: "weights.not_found",
        retryable: false,
      });
    }
  });
});

describe("weights to the Fireworks simulator's signed URLs", () => {
  it("uploads a Hub repo file by file, and the model validates", async () => {
    const fireworks = await startFireworksSimulator({ port: 0 });
    try {
      const api = `${fireworks.url}/v1/accounts/${fireworks.account}/models`;
      const call = (path: string, init?: { method: string; body: unknown }) =>
        fetch(`${api}${path}`, {
          method: init?.method ?? "GET",
          headers: { authorization: `Bearer ${fireworks.apiKey}`, "content-type": "application/json" },
          body: init ? JSON.stringify(init.body) : undefined,
        });
      const created = await call("", {
        method: "POST",
        body: { modelId: "tiny-llama", model: { kind: "HF_BASE_MODEL" } },
      });
      expect(created.status).toBe(200);
      const model: ModelSpec = { source: "hf://acme/tiny-llama", type: "model" };
      const files = await listFiles(model);
      const endpoint = await call("/tiny-llama:getUploadEndpoint", {
        method: "POST",
        body: {
          filenameToSize: Object.fromEntries(files.map((f) => [f.path, f.size])),
          enableResumableUpload: false,
        },
      });
      const { filenameToSignedUrls } = (await endpoint.json()) as {
        filenameToSignedUrls: Record<string, string>;
      };
      for (const file of files) {
        await sendFile(model, file, {
          path: file.path,
          size: file.size,
          url: filenameToSignedUrls[file.path]!,
          method: "PUT",
          headers: {
            "Content-Type": "application/octet-stream",
            "x-goog-content-length-range": `${file.size},${file.size}`,
          },
        });
      }
      expect((await call("/tiny-llama:validateUpload")).status).toBe(200);
    } finally {
      await fireworks.close();
    }
  });
});
