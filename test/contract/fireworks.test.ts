import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Exchange,
  type FireworksSimulator,
  startFireworksSimulator,
} from "@hangar/simulators/fireworks/index";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import * as z from "zod";
import {
  AuthenticationError,
  createFireworksProvider,
  FireworksClient,
  type FireworksProvider,
} from "../../packages/core/providers/fireworks";
import type { EndpointStatus, SourceFile, Transfer, UploadStatus } from "../../packages/core/src/provider";
import { ProviderError } from "../../packages/core/src/provider/error";
import { createOpenApiValidator } from "../support/openapi";
import { providerSpec } from "../support/specs";
import { soon } from "../support/until";

const specPath = providerSpec("fireworks-openapi.yaml");

/**
 * The saved spec, adjusted for the shared validator without changing what it says: custom-method
 * paths (`…/{model_id}:prepare`) go first so `{model_id}` does not swallow `m:prepare`; PATCH
 * deployment documents `updateMask`, which the official SDK sends though the published spec omits
 * it (reference §4.5); and `ErrorData` is the grpc-gateway error body of reference §1.5, used for
 * the error statuses the spec leaves undocumented.
 */
function adjustedSpec(): string {
  const spec = parse(readFileSync(specPath, "utf8"));
  const entries = Object.entries(spec.paths as Record<string, unknown>);
  spec.paths = Object.fromEntries([
    ...entries.filter(([p]) => p.includes(":")),
    ...entries.filter(([p]) => !p.includes(":")),
  ]);
  spec.paths["/v1/accounts/{account_id}/deployments/{deployment_id}"].patch.parameters.push({
    name: "updateMask",
    in: "query",
    schema: { type: "string", pattern: "^[a-z_.]+(,[a-z_.]+)*$" },
  });
  spec.components.schemas.ErrorData = {
    type: "object",
    required: ["code", "message"],
    properties: {
      code: { type: "integer", minimum: 1, maximum: 16 },
      message: { type: "string" },
      details: { type: "array" },
    },
  };
  const path = join(mkdtempSync(join(tmpdir(), "fw-spec-")), "fireworks-openapi.yaml");
  writeFileSync(path, stringify(spec));
  return path;
}

/** Routes the spec does not cover, checked against the reference's documented fields instead (§5.2, §6.1, §6.3). */
const uncoveredShapes: Record<string, z.ZodType> = {
  "GET /v1/accounts/:account/deploymentShapes/:id/versions": z.object({
    deploymentShapeVersions: z.array(
      z.looseObject({
        name: z.string(),
        snapshot: z.looseObject({
          baseModel: z.string(),
          acceleratorType: z.string(),
          acceleratorCount: z.number().int(),
        }),
        latestValidated: z.boolean(),
      }),
    ),
  }),
  "POST /inference/v1/chat/completions": z.union([
    z.looseObject({
      object: z.literal("chat.completion"),
      choices: z.array(
        z.looseObject({ message: z.looseObject({ role: z.string() }), finish_reason: z.string() }),
      ),
      usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }),
    }),
    z
      .string()
      .regex(/^(data: .+\n\n)+$/)
      .refine((s) => s.trimEnd().endsWith("data: [DONE]")),
    z.object({
      error: z.looseObject({ message: z.string(), code: z.string().optional(), type: z.string() }),
    }),
  ]),
};

/** Query strings carry integers as text; the shared validator coerces only booleans, so `pageSize` is turned back into a number. */
const typedQuery = (query: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(query).map(([k, v]) => [k, /^\d+$/.test(v) && k === "pageSize" ? Number(v) : v]),
  ) as Record<string, string>;

const exchanges: Exchange[] = [];
let sim: FireworksSimulator;
let provider: FireworksProvider;

const control = (path: string, body: unknown) =>
  fetch(`${sim.controlUrl}${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
const send = async (t: Transfer) => {
  const response = await request(t.url, {
    method: t.method,
    headers: t.headers,
    body: Buffer.alloc(t.size, 7),
  });
  await response.body.dump();
  return response.statusCode;
};
const ask = (endpointName: string, body: Record<string, unknown> = {}) =>
  provider.chat({ endpointName, body: { messages: [{ role: "user", content: "hello" }], ...body } });

beforeAll(async () => {
  sim = await startFireworksSimulator({ timeScale: 0.01, onExchange: (e) => exchanges.push(e) });
  provider = createFireworksProvider({
    apiKey: sim.apiKey,
    accountId: sim.account,
    baseUrl: sim.url,
    inferenceUrl: sim.inferenceUrl,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
});
afterAll(() => sim.close());

describe("Fireworks provider against the simulator", () => {
  const deploymentId = "dep_01jd4k2z5x8q3w6e9r0t1y2u3i";
  const files: SourceFile[] = [
    { path: "config.json", size: 700 },
    { path: "tokenizer.json", size: 4096 },
    { path: "model.safetensors", size: 256 * 1024 },
  ];
  let upload: UploadStatus & { transfers: Transfer[] };
  let endpoint: EndpointStatus;
  let elastic: EndpointStatus;

  it("lists validated shapes for a catalog model and every priced accelerator otherwise", async () => {
    const shapes = await provider.hardware({ model: "llama-v3p1-70b-instruct" });
    expect(shapes.map((h) => h.id)).toEqual(["1x_nvidia_h200_141gb", "4x_nvidia_h100_80gb"]);
    expect(
      shapes.every((h) => h.priceSource === "table" && h.pricePerHour > 0 && h.availability === "unknown"),
    ).toBe(true);
    expect((await provider.hardware({ model: "accounts/acme/models/custom" })).length).toBeGreaterThan(10);
  });

  it("creates the model, hands out signed URLs, and reuses the model on a redelivery", async () => {
    upload = await provider.startUpload({
      deploymentId,
      model: { source: "hf://acme/llama-ft", type: "model" },
      files,
    });
    expect(upload).toMatchObject({
      jobId: "hangar-dep-01jd4k2z5x8q3w6e9r0t1y2u3i",
      modelName: `accounts/${sim.account}/models/hangar-dep-01jd4k2z5x8q3w6e9r0t1y2u3i`,
      state: "pending",
      raw: "UPLOADING",
    });
    expect(upload.transfers.map((t) => [t.path, t.headers["x-goog-content-length-range"]])).toEqual(
      files.map((f) => [f.path, `${f.size},${f.size}`]),
    );
    const again = await provider.startUpload({
      deploymentId,
      model: { source: "hf://acme/llama-ft", type: "model" },
      files,
    });
    expect(again.jobId).toBe(upload.jobId);
    expect(await provider.findUpload({ deploymentId })).toMatchObject({
      jobId: upload.jobId,
      state: "pending",
    });
    expect(await provider.findUpload({ deploymentId: "dep_other" })).toBeUndefined();
  });

  it("stays pending until every file has landed, then validates and prepares FP8", async () => {
    expect(await send(upload.transfers[0]!)).toBe(200);
    expect(await provider.completeUpload!(upload.jobId, {})).toMatchObject({
      state: "pending",
      message: expect.stringContaining("FAILED_PRECONDITION"),
    });
    const fresh = await provider.uploadTargets!(upload.jobId, files.slice(1));
    for (const t of fresh) expect(await send(t)).toBe(200);
    const prepared = await provider.completeUpload!(upload.jobId, { precision: "FP8" });
    expect(["pending", "complete"]).toContain(prepared.state);
    expect(
      await soon(
        () => provider.getUpload(upload.jobId),
        (u) => u.state === "complete",
      ),
    ).toMatchObject({ state: "complete", raw: "READY" });
  });

  it("reports a corrupted upload as failed with Fireworks' reason", async () => {
    const bad = await provider.startUpload({
      deploymentId: "dep_bad",
      model: { source: "s3://b/k", type: "model" },
      files: [files[0]!],
    });
    await send(bad.transfers[0]!);
    await control("/uploads/fail-next", {});
    expect(await provider.completeUpload!(bad.jobId, {})).toMatchObject({
      state: "failed",
      message: expect.stringContaining("safetensors"),
    });
    expect((await provider.getUpload(bad.jobId)).state).toBe("failed");
  });

  it("refuses a scale-to-zero window under five minutes before calling Fireworks", async () => {
    const input = {
      deploymentId,
      displayName: "x",
      model: upload.modelName,
      hardware: "1x_nvidia_h100_80gb",
      autoscaling: { minReplicas: 0, maxReplicas: 1 },
      scaleToZeroMinutes: 3,
    };
    await expect(provider.createEndpoint(input)).rejects.toMatchObject({
      code: "invalid_scale_to_zero_window",
      retryable: false,
    });
  });

  it("creates a deployment once, finds it by display name, and waits for it to run", async () => {
    const input = {
      deploymentId,
      displayName: `hangar-${deploymentId}`,
      model: upload.modelName,
      hardware: "1x_nvidia_h100_80gb",
      autoscaling: { minReplicas: 1, maxReplicas: 2 },
      precision: "FP8",
    };
    endpoint = await provider.createEndpoint(input);
    expect(endpoint).toMatchObject({
      id: "hangar-dep-01jd4k2z5x8q3w6e9r0t1y2u3i",
      state: "pending",
      hardware: "1x_nvidia_h100_80gb",
    });
    expect((await provider.createEndpoint(input)).id).toBe(endpoint.id);
    expect(
      (await provider.findEndpoint({ displayName: input.displayName, model: upload.modelName }))?.id,
    ).toBe(endpoint.id);
    expect(
      await provider.findEndpoint({ displayName: "hangar-dep_none", model: upload.modelName }),
    ).toBeUndefined();
    expect(
      await soon(
        () => provider.getEndpoint(endpoint.id),
        (e) => e?.state === "running",
      ),
    ).toMatchObject({ raw: "READY(replicas=1/2)" });
  });

  it("proxies chat completions, plain and streamed, addressed by deployment name", async () => {
    const plain = await ask(endpoint.name);
    expect(plain.status).toBe(200);
    expect(((await plain.json()) as { model: string }).model).toBe(endpoint.name);
    const streamed = await ask(endpoint.name, { stream: true, max_tokens: 3 });
    expect(streamed.headers.get("content-type")).toContain("text/event-stream");
    expect((await streamed.text()).trimEnd().endsWith("data: [DONE]")).toBe(true);
  });

  it("scales, stops at zero replicas for good, and starts with the saved bounds", async () => {
    const scaled = await provider.updateEndpoint(endpoint.id, {
      autoscaling: { minReplicas: 2, maxReplicas: 3 },
    });
    expect(scaled.autoscaling).toEqual({ minReplicas: 2, maxReplicas: 3 });
    await soon(
      () => provider.getEndpoint(endpoint.id),
      (e) => e?.raw === "READY(replicas=2/3)",
    );
    expect((await provider.stopEndpoint(endpoint.id)).state).toBe("stopping");
    const mask = exchanges.filter((e) => e.method === "PATCH").at(-1)?.query.updateMask;
    expect(mask).toBe("min_replica_count,max_replica_count");
    expect(
      await soon(
        () => provider.getEndpoint(endpoint.id),
        (e) => e?.state === "stopped",
      ),
    ).toMatchObject({ raw: "READY(replicas=0/0)" });
    const refused = await ask(endpoint.name);
    expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([
      400,
      "DEPLOYMENT_SCALED_DOWN",
    ]);
    expect(
      (await provider.startEndpoint(endpoint.id, { autoscaling: { minReplicas: 1, maxReplicas: 2 } })).state,
    ).toBe("pending");
    await soon(
      () => provider.getEndpoint(endpoint.id),
      (e) => e?.raw === "READY(replicas=1/2)",
    );
    expect((await ask(endpoint.name)).status).toBe(200);
  });

  it("scales an idle deployment to zero and answers 503 DEPLOYMENT_SCALING_UP while it wakes", async () => {
    elastic = await provider.createEndpoint({
      deploymentId: "dep_elastic",
      displayName: "hangar-dep_elastic-1x_nvidia_a100_80gb",
      model: "llama-v3p1-8b-instruct",
      hardware: "1x_nvidia_a100_80gb",
      autoscaling: { minReplicas: 0, maxReplicas: 1 },
      scaleToZeroMinutes: 5,
      enableAdapters: true,
    });
    const post = exchanges.find(
      (e) => e.route === "POST /v1/accounts/:account/deployments" && e.query.deploymentId === elastic.id,
    );
    expect(post?.request.body).toMatchObject({
      autoscalingPolicy: { scaleToZeroWindow: "300s" },
      enableAddons: true,
      baseModel: "accounts/fireworks/models/llama-v3p1-8b-instruct",
    });
    await soon(
      () => provider.getEndpoint(elastic.id),
      (e) => e?.raw === "READY(replicas=1/1)",
    );
    await control("/clock", { seconds: 301 });
    expect(await provider.getEndpoint(elastic.id)).toMatchObject({
      state: "running",
      raw: "READY(replicas=0/1)",
    });
    const before = sim.state.calls["POST /inference/v1/chat/completions"] ?? 0;
    const cold = await ask(elastic.name);
    expect([cold.status, ((await cold.json()) as { error: { code: string } }).error.code]).toEqual([
      503,
      "DEPLOYMENT_SCALING_UP",
    ]);
    expect(sim.state.calls["POST /inference/v1/chat/completions"]).toBe(before + 1);
    expect(
      (
        await soon(
          () => ask(elastic.name),
          (r) => r.status === 200,
        )
      ).status,
    ).toBe(200);
  });

  it("loads a LoRA onto a deployment with addons and serves it as <lora>#<deployment>", async () => {
    const files = [
      { path: "adapter_config.json", size: 300 },
      { path: "adapter_model.safetensors", size: 9000 },
    ];
    const model = { source: "hf://acme/lora", type: "adapter" as const, baseModel: "llama-v3p1-8b-instruct" };
    const unshaped = await provider
      .startUpload({ deploymentId: "dep_lora", model, files })
      .catch((e: unknown) => e);
    expect(unshaped).toMatchObject({ code: "lora_required", retryable: false });
    const lora = await provider.startUpload({
      deploymentId: "dep_lora",
      model: { ...model, adapter: { rank: 8, targetModules: ["q_proj", "v_proj"] } },
      files,
    });
    const created = exchanges.filter((e) => e.route === "POST /v1/accounts/:account/models").at(-1)
      ?.request.body;
    expect(created).toMatchObject({
      model: { peftDetails: { r: 8, targetModules: ["q_proj", "v_proj"] } },
    });
    for (const t of lora.transfers) await send(t);
    expect((await provider.completeUpload!(lora.jobId, {})).state).toBe("complete");
    const refused = await provider.loadAdapter!({
      endpointId: endpoint.id,
      endpointName: endpoint.name,
      modelName: lora.modelName,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProviderError);
    expect(refused).toMatchObject({ code: "FAILED_PRECONDITION", retryable: false });
    const ref = { endpointId: elastic.id, endpointName: elastic.name, modelName: lora.modelName };
    const adapter = await provider.loadAdapter!(ref);
    expect(adapter).toMatchObject({ state: "pending", name: `${lora.modelName}#${elastic.name}` });
    expect((await provider.loadAdapter!(ref)).id).toBe(adapter.id);
    const loaded = await soon(
      () => provider.getAdapter!({ ...ref, adapterId: adapter.id }),
      (a) => a?.state === "running",
    );
    expect(loaded?.state).toBe("running");
    expect((await ask(adapter.name)).status).toBe(200);
    await provider.unloadAdapter!({ ...ref, adapterId: adapter.id });
    await provider.unloadAdapter!({ ...ref, adapterId: adapter.id });
    expect(await provider.getAdapter!({ ...ref, adapterId: adapter.id })).toBeUndefined();
  });

  it("reports a deployment Fireworks failed", async () => {
    const doomed = await provider.createEndpoint({
      deploymentId: "dep_doomed",
      displayName: "hangar-dep_doomed",
      model: "qwen2p5-7b-instruct",
      hardware: "1x_nvidia_h100_80gb",
      autoscaling: { minReplicas: 1, maxReplicas: 1 },
    });
    await control(`/deployments/${doomed.id}/fail`, {});
    expect(await provider.getEndpoint(doomed.id)).toMatchObject({
      state: "failed",
      raw: "FAILED(replicas=0/1)",
    });
    await provider.deleteEndpoint(doomed.id);
  });

  it("no longer knows a deployment Fireworks deleted after seven idle days at zero", async () => {
    await provider.stopEndpoint(elastic.id);
    await soon(
      () => provider.getEndpoint(elastic.id),
      (e) => e?.state === "stopped",
    );
    await control("/clock", { seconds: 7 * 24 * 60 * 60 });
    expect(await provider.getEndpoint(elastic.id)).toBeUndefined();
    expect(
      await provider.findEndpoint({ displayName: "hangar-dep_elastic-1x_nvidia_a100_80gb", model: "" }),
    ).toBeUndefined();
    expect(await provider.getEndpoint(endpoint.id)).toMatchObject({ state: "running" });
  });

  it("deletes idempotently and then no longer knows the deployment", async () => {
    await provider.deleteEndpoint(endpoint.id);
    await provider.deleteEndpoint(endpoint.id);
    expect(
      await soon(
        () => provider.getEndpoint(endpoint.id),
        (e) => e === undefined,
      ),
    ).toBeUndefined();
  });

  it("fails with an AuthenticationError on a wrong key", async () => {
    const wrong = new FireworksClient({ apiKey: "wrong", accountId: sim.account, baseUrl: sim.url });
    await expect(wrong.deployments.list()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it("sent only requests, and got only responses, that Fireworks' spec (or the reference, where it is silent) allows", async () => {
    await new Promise((r) => setTimeout(r, 20)); // streamed bodies are logged once fully sent
    const validator = createOpenApiValidator(adjustedSpec());
    const problems: string[] = [];
    const uncovered = new Set<string>();
    for (const e of exchanges) {
      const shape = uncoveredShapes[e.route];
      const checks = shape
        ? [
            {
              covered: true,
              schema: e.route,
              errors: shape.safeParse(e.response.body).error?.issues.map((i) => i.message) ?? [],
            },
          ]
        : [
            validator.validateRequest(e.method, e.path, e.request.body, typedQuery(e.query)),
            validator.validateResponse(
              e.method,
              e.path,
              e.response.status,
              e.response.body,
              e.response.contentType,
            ),
          ];
      for (const v of checks) {
        if (!v.covered) uncovered.add(v.schema);
        for (const error of v.errors)
          problems.push(`${e.route} ${e.response.status} [${v.schema}]: ${error}`);
      }
    }
    expect(problems).toEqual([]);
    // Shapes and inference are outside the saved spec (12 Gateway paths) and checked above with zod.
    expect([...uncovered]).toEqual([]);
    expect(new Set(exchanges.map((e) => e.route))).toEqual(
      new Set([
        "GET /v1/accounts/:account/deploymentShapes/:id/versions",
        "POST /v1/accounts/:account/models",
        "GET /v1/accounts/:account/models/:id",
        "POST /v1/accounts/:account/models/:id:getUploadEndpoint",
        "GET /v1/accounts/:account/models/:id:validateUpload",
        "POST /v1/accounts/:account/models/:id:prepare",
        "POST /v1/accounts/:account/deployments",
        "GET /v1/accounts/:account/deployments",
        "GET /v1/accounts/:account/deployments/:id",
        "PATCH /v1/accounts/:account/deployments/:id",
        "DELETE /v1/accounts/:account/deployments/:id",
        "GET /v1/accounts/:account/deployedModels",
        "POST /v1/accounts/:account/deployedModels",
        "GET /v1/accounts/:account/deployedModels/:id",
        "DELETE /v1/accounts/:account/deployedModels/:id",
        "POST /inference/v1/chat/completions",
      ]),
    );
  });
});
