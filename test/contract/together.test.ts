import {
  type Exchange,
  startTogetherSimulator,
  type TogetherSimulator,
} from "@hangar/simulators/together/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import {
  AuthenticationError,
  BadRequestError,
  createTogetherProvider,
  TogetherClient,
} from "../../packages/core/providers/together";
import type { EndpointStatus, Provider, UploadStatus } from "../../packages/core/src/provider";
import { ProviderError } from "../../packages/core/src/provider/error";
import { createOpenApiValidator } from "../support/openapi";
import { providerSpec } from "../support/specs";
import { soon } from "../support/until";

const specPath = providerSpec("together-openapi.yaml");

/** Together's error body (reference §1.3). */
const ErrorData = z.object({
  error: z.object({
    message: z.string(),
    type: z.string(),
    param: z.string().nullable().optional(),
    code: z.string().nullable().optional(),
  }),
});
const AdapterRef = z.strictObject({ model_id: z.string().regex(/^[^:]+:[^:]+$/) });

/** `/endpoints/{id}/adapters` is newer than the spec snapshot: checked against the reference (§4.9) instead. */
const uncoveredShapes: Record<string, { request?: z.ZodType; response: z.ZodType }> = {
  "GET /v1/endpoints/:id/adapters": {
    response: z.union([
      z.strictObject({
        object: z.string().optional(),
        data: z
          .array(
            z.strictObject({
              adapter_name: z.string().optional(),
              endpoint_name: z.string().optional(),
              model_id: z.string().optional(),
            }),
          )
          .optional(),
      }),
      ErrorData,
    ]),
  },
  "POST /v1/endpoints/:id/adapters": {
    request: AdapterRef,
    response: z.union([z.strictObject({ model_id: z.string().optional() }), ErrorData]),
  },
  "DELETE /v1/endpoints/:id/adapters": {
    request: AdapterRef,
    response: z.union([
      z.strictObject({ deleted: z.boolean().optional(), model_id: z.string().optional() }),
      ErrorData,
    ]),
  },
};

const issues = (shape: z.ZodType | undefined, body: unknown) =>
  shape?.safeParse(body).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

const exchanges: Exchange[] = [];
let sim: TogetherSimulator;
let provider: Provider;
let client: TogetherClient;

beforeAll(async () => {
  sim = await startTogetherSimulator({
    onExchange: (exchange) => exchanges.push(exchange),
    steps: {
      jobQueuedMs: 20,
      jobRunningMs: 30,
      endpointPendingMs: 20,
      endpointStartingMs: 30,
      endpointStoppingMs: 20,
    },
  });
  const options = { apiKey: sim.apiKey, baseUrl: sim.url, retry: { baseDelayMs: 5, maxDelayMs: 20 } };
  provider = createTogetherProvider({ ...options, apiVersion: "v1" });
  client = new TogetherClient(options);
});
afterAll(() => sim.close());

describe("Together provider against the simulator", () => {
  let upload: UploadStatus;
  let endpoint: EndpointStatus;

  it("lists hardware with dollar prices and rejects a model that cannot be deployed", async () => {
    const all = await provider.hardware({});
    expect(all.every((h) => h.availability === "unknown" && h.priceSource === "provider")).toBe(true);
    const forQwen = await provider.hardware({ model: "Qwen/Qwen2.5-7B-Instruct" });
    expect(forQwen.find((h) => h.id === "1x_nvidia_h100_80gb_sxm")).toMatchObject({
      pricePerHour: 3.36,
      availability: "available",
    });
    const error = await provider
      .hardware({ model: "black-forest-labs/FLUX.1-schnell" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: "model_not_deployable", retryable: false });
  });

  it("deploys a catalog model directly and uploads anything with a scheme", () => {
    expect(provider.needsUpload({ source: "Qwen/Qwen2.5-7B-Instruct", type: "model" })).toBe(false);
    expect(provider.needsUpload({ source: "hf://org/repo", type: "model" })).toBe(true);
    expect(provider.needsUpload({ source: "s3://b/k.tar.gz", type: "model" })).toBe(true);
  });

  it("uploads a Hugging Face model and finds the job again by deployment id", async () => {
    upload = await provider.startUpload({
      deploymentId: "dep_contract",
      model: { source: "hf://acme/Qwen2.5-7B-ft", type: "model", hfToken: "hf_secret" },
    });
    expect(upload).toMatchObject({ state: "pending", modelName: "devuser/hangar-dep_contract" });
    expect(upload.jobId).toMatch(/^job-[0-9a-f-]{36}$/);
    const sent = exchanges.find((e) => e.route === "POST /v1/models")?.request.body;
    expect(sent).toMatchObject({
      model_name: "hangar-dep_contract",
      model_source: "acme/Qwen2.5-7B-ft",
      hf_token: "hf_secret",
    });
    const done = await soon(
      () => provider.getUpload(upload.jobId),
      (u) => u.state === "complete",
    );
    expect(done).toMatchObject({ state: "complete", raw: "Complete", message: "Job is Complete" });
    expect(await provider.findUpload({ deploymentId: "dep_contract" })).toMatchObject({
      jobId: upload.jobId,
    });
    expect(await provider.findUpload({ deploymentId: "dep_other" })).toBeUndefined();
    expect((await client.models.list()).map((m) => m.id)).toContain("devuser/hangar-dep_contract");
  });

  it("presigns an s3:// source for at least two hours, path-style against a local endpoint", async () => {
    process.env.HANGAR_S3_ENDPOINT = "http://127.0.0.1:9000";
    process.env.AWS_ACCESS_KEY_ID = "local";
    process.env.AWS_SECRET_ACCESS_KEY = "local";
    await provider.startUpload({
      deploymentId: "dep_s3",
      model: { source: "s3://weights/ft/model.tar.gz", type: "model" },
    });
    const source = exchanges.filter((e) => e.route === "POST /v1/models").at(-1)?.request.body as {
      model_source: string;
    };
    const url = new URL(source.model_source);
    expect(url.origin + url.pathname).toBe("http://127.0.0.1:9000/weights/ft/model.tar.gz");
    expect(Number(url.searchParams.get("X-Amz-Expires"))).toBeGreaterThanOrEqual(2 * 60 * 60);
  });

  it("reports a failed upload with Together's reason", async () => {
    const failed = await provider.startUpload({
      deploymentId: "dep_bad",
      model: { source: "hf://acme/corrupt-7b", type: "model" },
    });
    const status = await soon(
      () => provider.getUpload(failed.jobId),
      (u) => u.state === "failed",
    );
    expect(status.message).toContain("safetensors header invalid");
  });

  it("creates an endpoint, finds it by display name, and waits for it to run", async () => {
    endpoint = await provider.createEndpoint({
      deploymentId: "dep_contract",
      displayName: "hangar-dep_contract-1",
      model: upload.modelName,
      hardware: "1x_nvidia_l40s",
      autoscaling: { minReplicas: 1, maxReplicas: 2 },
    });
    expect(endpoint).toMatchObject({
      state: "pending",
      raw: "PENDING",
      displayName: "hangar-dep_contract-1",
    });
    const sent = exchanges.find((e) => e.route === "POST /v1/endpoints")?.request.body;
    expect(sent).toMatchObject({ inactive_timeout: 0, autoscaling: { min_replicas: 1, max_replicas: 2 } });
    const found = await provider.findEndpoint({
      displayName: "hangar-dep_contract-1",
      model: upload.modelName,
    });
    expect(found?.id).toBe(endpoint.id);
    expect(
      await provider.findEndpoint({ displayName: "someone-else", model: upload.modelName }),
    ).toBeUndefined();
    const running = await soon(
      () => provider.getEndpoint(endpoint.id),
      (e) => e?.state === "running",
    );
    expect(running?.state).toBe("running");
    expect(sim.state.calls["POST /v1/endpoints"]).toBe(1);
  });

  it("refuses incompatible hardware with a BadRequestError", async () => {
    const error = await provider
      .createEndpoint({
        deploymentId: "dep_big",
        displayName: "big",
        model: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
        hardware: "1x_nvidia_l40s",
        autoscaling: { minReplicas: 1, maxReplicas: 1 },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ retryable: false, status: 400 });
    expect((error as Error).message).toContain("invalid hardware provided");
  });

  it("proxies chat completions, plain and streamed, untouched", async () => {
    const plain = await provider.chat({
      endpointName: endpoint.name,
      body: { messages: [{ role: "user", content: "hello" }] },
    });
    expect(plain.status).toBe(200);
    const json = (await plain.json()) as {
      model: string;
      usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
    };
    expect(json.model).toBe(endpoint.name);
    expect(json.usage.total_tokens).toBe(json.usage.prompt_tokens + json.usage.completion_tokens);
    const streamed = await provider.chat({
      endpointName: endpoint.name,
      body: { messages: [{ role: "user", content: "stream please" }], stream: true, max_tokens: 3 },
    });
    expect(streamed.headers.get("content-type")).toContain("text/event-stream");
    const text = await streamed.text();
    expect(text.trim().endsWith("data: [DONE]")).toBe(true);
    expect(text).toContain('"finish_reason":"length"');
  });

  it("binds an adapter trained on the endpoint's model once, serves it as <endpoint>:<adapter>, and unbinds it", async () => {
    const uploadAdapter = async (deploymentId: string, baseModel: string) => {
      const started = await provider.startUpload({
        deploymentId,
        model: { source: "hf://acme/tiny-lora", type: "adapter", baseModel },
      });
      await soon(
        () => provider.getUpload(started.jobId),
        (u) => u.state === "complete",
      );
      return started.modelName;
    };
    const ref = { endpointId: endpoint.id, endpointName: endpoint.name };
    const stranger = await uploadAdapter("dep_lora_qwen", "Qwen/Qwen2.5-7B-Instruct");
    const refused = await provider.loadAdapter!({ ...ref, modelName: stranger }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BadRequestError);
    expect(refused).toMatchObject({ code: "incompatible_base_model", retryable: false });

    const modelName = await uploadAdapter("dep_lora", upload.modelName);
    const adapter = await provider.loadAdapter!({ ...ref, modelName });
    expect(adapter).toEqual({
      id: `${endpoint.name}:${modelName}`,
      name: `${endpoint.name}:${modelName}`,
      state: "running",
      raw: "BOUND",
    });
    expect(await provider.loadAdapter!({ ...ref, modelName })).toEqual(adapter);
    expect(await client.endpoints.adapters.list(endpoint.id)).toEqual([
      { adapter_name: modelName, endpoint_name: endpoint.name, model_id: adapter.id },
    ]);
    expect(await provider.getAdapter!({ ...ref, adapterId: adapter.id })).toEqual(adapter);

    const chat = await provider.chat({
      endpointName: adapter.name,
      body: { messages: [{ role: "user", content: "hi" }] },
    });
    expect(chat.status).toBe(200);
    const answer = (await chat.json()) as { model: string; choices: { message: { content: string } }[] };
    expect(answer.model).toBe(adapter.name);
    expect(answer.choices[0]?.message.content).toContain(modelName);

    await provider.unloadAdapter!({ ...ref, adapterId: adapter.id });
    await provider.unloadAdapter!({ ...ref, adapterId: adapter.id });
    expect(await provider.getAdapter!({ ...ref, adapterId: adapter.id })).toBeUndefined();
    const gone = await provider.chat({
      endpointName: adapter.name,
      body: { messages: [{ role: "user", content: "hi" }] },
    });
    expect(gone.status).toBe(404);
  });

  it("scales, stops and restarts the endpoint", async () => {
    expect(
      (await provider.updateEndpoint(endpoint.id, { autoscaling: { minReplicas: 2, maxReplicas: 3 } }))
        .autoscaling,
    ).toEqual({
      minReplicas: 2,
      maxReplicas: 3,
    });
    expect((await provider.stopEndpoint(endpoint.id)).state).toBe("stopping");
    await soon(
      () => provider.getEndpoint(endpoint.id),
      (e) => e?.state === "stopped",
    );
    const refused = await provider.chat({
      endpointName: endpoint.name,
      body: { messages: [{ role: "user", content: "hi" }] },
    });
    // Together answers 400; the provider passes a stopped endpoint on as 409, its body unchanged.
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      "dedicated_endpoint_not_running",
    );
    expect(
      (await provider.startEndpoint(endpoint.id, { autoscaling: { minReplicas: 1, maxReplicas: 1 } })).state,
    ).toBe("pending");
    const back = await soon(
      () => provider.getEndpoint(endpoint.id),
      (e) => e?.state === "running",
    );
    expect(back?.state).toBe("running");
  });

  it("deletes idempotently and then no longer knows the endpoint", async () => {
    await provider.deleteEndpoint(endpoint.id);
    await provider.deleteEndpoint(endpoint.id);
    expect(await provider.getEndpoint(endpoint.id)).toBeUndefined();
  });

  it("fails with an AuthenticationError on a wrong key", async () => {
    const wrong = new TogetherClient({ apiKey: "wrong", baseUrl: sim.url });
    await expect(wrong.endpoints.list()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it("sent only requests, and got only responses, that Together's spec (or the reference, where it is silent) allows", async () => {
    await new Promise((r) => setTimeout(r, 20)); // streamed bodies are logged once fully sent
    const validator = createOpenApiValidator(specPath);
    const problems: string[] = [];
    const uncovered = new Set<string>();
    for (const exchange of exchanges) {
      const shape = uncoveredShapes[exchange.route];
      if (shape) {
        for (const error of [
          ...issues(shape.request, exchange.request.body),
          ...issues(shape.response, exchange.response.body),
        ])
          problems.push(`${exchange.route} ${exchange.response.status} [reference §4.9]: ${error}`);
        continue;
      }
      const request = validator.validateRequest(
        exchange.method,
        exchange.path,
        exchange.request.body,
        exchange.query,
      );
      const response = validator.validateResponse(
        exchange.method,
        exchange.path,
        exchange.response.status,
        exchange.response.body,
        exchange.response.contentType,
      );
      for (const v of [request, response]) {
        if (!v.covered) uncovered.add(v.schema);
        for (const error of v.errors)
          problems.push(`${exchange.route} ${exchange.response.status} [${v.schema}]: ${error}`);
      }
    }
    expect(exchanges.length).toBeGreaterThan(20);
    expect(new Set(exchanges.map((e) => e.route))).toEqual(
      new Set([
        "GET /v1/hardware",
        "POST /v1/models",
        "GET /v1/models",
        "GET /v1/jobs",
        "GET /v1/jobs/:id",
        "POST /v1/endpoints",
        "GET /v1/endpoints",
        "GET /v1/endpoints/:id",
        "PATCH /v1/endpoints/:id",
        "DELETE /v1/endpoints/:id",
        "GET /v1/endpoints/:id/adapters",
        "POST /v1/endpoints/:id/adapters",
        "DELETE /v1/endpoints/:id/adapters",
        "POST /v1/chat/completions",
      ]),
    );
    expect(problems).toEqual([]);
    // Every other route we use is in the spec; only bodies it leaves undescribed (none today) would land here.
    expect([...uncovered]).toEqual([]);
  });
});
