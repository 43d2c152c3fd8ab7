import {
  CORRUPT_WEIGHTS,
  startTogetherSimulator,
  type TogetherSimulator,
} from "@hangar/simulators/together/index";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { soon } from "../support/until";

let sim: TogetherSimulator;

async function call(method: string, path: string, body?: unknown, key: string | null = sim.apiKey) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const control = (path: string, body: unknown = {}) =>
  fetch(`${sim.controlUrl}${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

const create = (extra: Record<string, unknown> = {}) =>
  call("POST", "/endpoints", {
    model: "Qwen/Qwen2.5-7B-Instruct",
    hardware: "1x_nvidia_h100_80gb_sxm",
    autoscaling: { min_replicas: 1, max_replicas: 1 },
    ...extra,
  });

beforeAll(async () => {
  sim = await startTogetherSimulator({
    steps: {
      jobQueuedMs: 20,
      jobRunningMs: 20,
      endpointPendingMs: 20,
      endpointStartingMs: 20,
      endpointStoppingMs: 20,
      minuteMs: 50,
    },
  });
});
afterAll(() => sim.close());
beforeEach(() => control("/reset"));

describe("Together simulator", () => {
  it("rejects a missing or wrong API key with Together's 401 body", async () => {
    for (const key of [null, "wrong"]) {
      const response = await call("GET", "/endpoints", undefined, key);
      expect(response.status).toBe(401);
      expect(response.body.error).toMatchObject({ code: "invalid_api_key", type: "invalid_request_error" });
    }
  });

  it("sends request ids and rate-limit headers", async () => {
    const response = await call("GET", "/hardware");
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(Number(response.headers.get("x-ratelimit-remaining"))).toBeLessThan(600);
  });

  it("starts an endpoint through PENDING and STARTING to STARTED and names it like Together", async () => {
    const created = await create({ display_name: "mine" });
    expect(created.status).toBe(200);
    expect(created.body.state).toBe("PENDING");
    expect(created.body.id).toMatch(/^endpoint-[0-9a-f-]{36}$/);
    expect(created.body.name).toMatch(/^devuser\/Qwen\/Qwen2\.5-7B-Instruct-[0-9a-f]{8}$/);
    const seen = new Set<string>();
    await soon(
      async () => (await call("GET", `/endpoints/${created.body.id}`)).body.state as string,
      (state) => {
        seen.add(state);
        return state === "STARTED";
      },
    );
    expect([...seen].every((state) => ["PENDING", "STARTING", "STARTED"].includes(state))).toBe(true);
    expect(seen.has("STARTED")).toBe(true);
  });

  it("stops an idle endpoint once its inactive timeout runs out", async () => {
    const { body } = await create({ inactive_timeout: 1 });
    const state = await soon(
      async () => (await call("GET", `/endpoints/${body.id}`)).body.state as string,
      (s) => s === "STOPPED",
    );
    expect(state).toBe("STOPPED");
  });

  it("stops and restarts through PATCH, and treats a repeated stop as a no-op", async () => {
    const { body } = await create({ state: "STOPPED" });
    expect(body.state).toBe("STOPPED");
    expect((await call("PATCH", `/endpoints/${body.id}`, { state: "STOPPED" })).body.state).toBe("STOPPED");
    expect((await call("PATCH", `/endpoints/${body.id}`, { state: "STARTED" })).body.state).toBe("PENDING");
    await soon(
      async () => (await call("GET", `/endpoints/${body.id}`)).body.state,
      (s) => s === "STARTED",
    );
    expect((await call("PATCH", `/endpoints/${body.id}`, { state: "STOPPED" })).body.state).toBe("STOPPING");
  });

  it("refuses hardware too small for the model", async () => {
    const response = await call("POST", "/endpoints", {
      model: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
      hardware: "1x_nvidia_l40s",
      autoscaling: { min_replicas: 1, max_replicas: 1 },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain("invalid hardware provided");
  });

  it("answers 404 for hardware of a model that cannot be deployed", async () => {
    expect((await call("GET", "/hardware?model=black-forest-labs/FLUX.1-schnell")).status).toBe(404);
    expect((await call("GET", "/hardware?model=nobody/nothing")).status).toBe(404);
    const big = await call("GET", "/hardware?model=meta-llama/Llama-3.3-70B-Instruct-Turbo");
    expect(big.body.data.map((h: { id: string }) => h.id)).not.toContain("1x_nvidia_h100_80gb_sxm");
  });

  it("refuses chat while an endpoint is not running", async () => {
    const { body } = await create({ state: "STOPPED" });
    const response = await call("POST", "/chat/completions", {
      model: body.name,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("dedicated_endpoint_not_running");
  });

  it("deletes with 204 and forgets the endpoint", async () => {
    const { body } = await create();
    expect((await call("DELETE", `/endpoints/${body.id}`)).status).toBe(204);
    expect((await call("GET", `/endpoints/${body.id}`)).status).toBe(404);
    expect((await call("DELETE", `/endpoints/${body.id}`)).status).toBe(404);
    const state = (await (await fetch(`${sim.controlUrl}/state`)).json()) as { endpoints_deleted: number };
    expect(state.endpoints_deleted).toBe(1);
  });

  it("pushes an endpoint to ERROR on request", async () => {
    const { body } = await create();
    await control(`/endpoints/${body.id}/error`);
    expect((await call("GET", `/endpoints/${body.id}`)).body.state).toBe("ERROR");
  });

  it("fails an upload whose source is corrupt, and the next upload when told to", async () => {
    await control("/uploads/fail-next", { message: "out of disk" });
    const first = await call("POST", "/models", { model_name: "a", model_source: "org/fine" });
    const second = await call("POST", "/models", { model_name: "b", model_source: "org/corrupt-model" });
    const third = await call("POST", "/models", { model_name: "c", model_source: "org/fine" });
    const final = async (id: string) =>
      soon(
        async () => (await call("GET", `/jobs/${id}`)).body,
        (job) => ["Complete", "Failed"].includes(job.status),
      );
    expect((await final(first.body.data.job_id)).status_updates.at(-1).message).toBe("out of disk");
    expect((await final(second.body.data.job_id)).status_updates.at(-1).message).toBe(CORRUPT_WEIGHTS);
    const done = await final(third.body.data.job_id);
    expect(done.status_updates.map((u: { status: string }) => u.status)).toEqual([
      "Queued",
      "Running",
      "Complete",
    ]);
    const models = (await call("GET", "/models")).body.map((m: { id: string }) => m.id);
    expect(models).toContain("devuser/c");
    expect(models).not.toContain("devuser/a");
  });

  it("binds an adapter only to a STARTED endpoint of its base model, once, and answers it by <endpoint>:<adapter>", async () => {
    const upload = async (name: string, base: string) => {
      const job = await call("POST", "/models", {
        model_name: name,
        model_source: "acme/tiny-lora",
        model_type: "adapter",
        base_model: base,
      });
      await soon(
        async () => (await call("GET", `/jobs/${job.body.data.job_id}`)).body.status,
        (s) => s === "Complete",
      );
      return job.body.data.model_name as string;
    };
    const lora = await upload("lora", "Qwen/Qwen2.5-7B-Instruct");
    const llamaLora = await upload("llama-lora", "meta-llama/Llama-3.1-8B-Instruct");
    const { body: endpoint } = await create();
    const adapters = `/endpoints/${endpoint.id}/adapters`;
    const bind = (adapter: string, name = endpoint.name) =>
      call("POST", adapters, { model_id: `${name}:${adapter}` });
    const code = async (response: Promise<{ status: number; body: { error: { code: string } } }>) => {
      const { status, body } = await response;
      return [status, body.error.code];
    };

    expect(await code(bind(lora))).toEqual([400, "dedicated_endpoint_not_running"]);
    await soon(
      async () => (await call("GET", `/endpoints/${endpoint.id}`)).body.state,
      (s) => s === "STARTED",
    );
    expect(await code(bind(llamaLora))).toEqual([400, "incompatible_base_model"]);
    expect(await code(bind("devuser/nothing"))).toEqual([404, "model_not_found"]);
    expect(await code(bind(lora, "devuser/someone-else"))).toEqual([400, "invalid_model_id"]);
    const modelId = `${endpoint.name}:${lora}`;
    expect(await bind(lora)).toMatchObject({ status: 200, body: { model_id: modelId } });
    expect(await code(bind(lora))).toEqual([400, "adapter_already_bound"]);
    expect((await call("GET", adapters)).body).toEqual({
      object: "list",
      data: [{ adapter_name: lora, endpoint_name: endpoint.name, model_id: modelId }],
    });

    const chat = await call("POST", "/chat/completions", {
      model: modelId,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(chat.status).toBe(200);
    expect(chat.body.model).toBe(modelId);
    expect(chat.body.choices[0].message.content).toContain(`LoRA adapter ${lora}`);

    expect(await call("DELETE", adapters, { model_id: modelId })).toMatchObject({
      status: 200,
      body: { deleted: true, model_id: modelId },
    });
    expect(await code(call("DELETE", adapters, { model_id: modelId }))).toEqual([404, "not_found"]);
    const unbound = call("POST", "/chat/completions", {
      model: modelId,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(await code(unbound)).toEqual([404, "model_not_available"]);
  });

  it("answers 400 with Together's error shape for a malformed body", async () => {
    const response = await call("POST", "/endpoints", { model: "Qwen/Qwen2.5-7B-Instruct" });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: "invalid_request_error", param: "hardware" });
  });
});
