import * as ApiKey from "@hangar/core/apikey/index";
import { beforeAll, describe, expect, it } from "vitest";
import { api, deploy } from "../support/api";
import { stack } from "../support/stack";

describe("the HTTP API", () => {
  it("serves health, an OpenAPI 3.1 document built from the route schemas, and interactive docs", async () => {
    expect((await api("/healthz", { key: null })).status).toBe(200);
    const doc = await api("/openapi.json", { key: null });
    expect(doc.body.openapi).toBe("3.1.0");
    const paths = Object.keys(doc.body.paths as object);
    for (const path of [
      "/v1/deployments",
      "/v1/deployments/{id}",
      "/v1/deployments/{id}/chat/completions",
      "/v1/hardware",
      "/v1/webhooks",
    ]) {
      expect(paths).toContain(path);
    }
    expect(Object.keys((doc.body.components as { schemas: object }).schemas)).toContain("Deployment");
    const docs = await api("/docs", { key: null });
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toContain("text/html");
  });

  it("lists hardware with hourly prices in dollars", async () => {
    const res = await api("/v1/hardware?provider=together&model=Qwen/Qwen2.5-7B-Instruct");
    expect(res.status).toBe(200);
    const data = res.body.data as {
      id: string;
      pricePerHour: number;
      priceSource: string;
      gpu: { count: number };
    }[];
    expect(data.length).toBeGreaterThan(0);
    for (const h of data) {
      expect(h.pricePerHour).toBeGreaterThan(0);
      expect(h.priceSource).toBe("provider");
    }
    expect(data.map((h) => h.pricePerHour)).toEqual(
      [...data.map((h) => h.pricePerHour)].sort((a, b) => a - b),
    );
  });

  it("answers 422 for hardware of a model the provider can't deploy", async () => {
    const res = await api("/v1/hardware?provider=together&model=nobody/no-such-model");
    expect(res.status).toBe(422);
    expect((res.body.error as { code: string }).code).toBe("hardware.model_not_deployable");
  });
});

describe("authentication and tenants", () => {
  let otherKey: string;
  let mine: { id: string };

  beforeAll(async () => {
    otherKey = (await ApiKey.create({ tenantId: "ten_other" })).key;
    mine = await deploy({ model: { source: "Qwen/Qwen2.5-7B-Instruct" } });
  });

  it("refuses requests without a key or with a wrong one", async () => {
    const none = await api("/v1/deployments", { key: null });
    expect(none.status).toBe(401);
    expect((none.body.error as { code: string }).code).toBe("auth.missing_key");
    const wrong = await api("/v1/deployments", { key: "hk_not_a_real_key" });
    expect(wrong.status).toBe(401);
    expect((wrong.body.error as { code: string }).code).toBe("auth.invalid_key");
  });

  it("hides one tenant's deployments from another, as if they did not exist", async () => {
    for (const [method, path] of [
      ["GET", `/v1/deployments/${mine.id}`],
      ["GET", `/v1/deployments/${mine.id}/events`],
      ["POST", `/v1/deployments/${mine.id}/stop`],
      ["DELETE", `/v1/deployments/${mine.id}`],
      ["POST", `/v1/deployments/${mine.id}/activity`],
    ] as const) {
      const res = await api(path, { method, key: otherKey });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((res.body.error as { code: string }).code).toBe("deployment.not_found");
    }
    const list = await api("/v1/deployments?limit=100", { key: otherKey });
    expect((list.body.data as { id: string }[]).map((d) => d.id)).not.toContain(mine.id);
    const own = await api(`/v1/deployments/${mine.id}`);
    expect(own.status).toBe(200);
  });

  it("keeps webhook subscriptions per tenant", async () => {
    const sub = await api("/v1/webhooks", { body: { url: "http://127.0.0.1:9/hook" } });
    expect(sub.status).toBe(201);
    const theirs = await api("/v1/webhooks", { key: otherKey });
    expect((theirs.body.data as { id: string }[]).map((s) => s.id)).not.toContain(sub.body.id);
    expect((await api(`/v1/webhooks/${sub.body.id}`, { method: "DELETE", key: otherKey })).status).toBe(404);
    expect((await api(`/v1/webhooks/${sub.body.id}`, { method: "DELETE" })).status).toBe(204);
  });
});

describe("bad input", () => {
  const base = { provider: "together", model: { source: "hf://a/b" }, hardware: "1x_nvidia_h100_80gb_sxm" };
  const cases: [
    string,
    { method?: string; path?: string; body?: unknown; headers?: Record<string, string> },
    number,
    string,
  ][] = [
    ["malformed JSON", { body: "{not json" }, 400, "request.malformed"],
    ["a JSON array", { body: [] }, 400, "request.invalid"],
    ["an empty body", { body: {} }, 400, "request.invalid"],
    ["an unknown provider", { body: { ...base, provider: "acme" } }, 400, "request.invalid"],
    ["an http:// source", { body: { ...base, model: { source: "http://x/y" } } }, 400, "request.invalid"],
    [
      "an adapter without base model",
      { body: { ...base, model: { source: "hf://a/b", type: "adapter" } } },
      400,
      "request.invalid",
    ],
    [
      "min above max replicas",
      { body: { ...base, autoscaling: { minReplicas: 5, maxReplicas: 1 } } },
      400,
      "request.invalid",
    ],
    ["a string for a number", { body: { ...base, idleTimeoutMinutes: "ten" } }, 400, "request.invalid"],
    [
      "a huge number",
      { body: { ...base, autoscaling: { minReplicas: 1, maxReplicas: 1e308 } } },
      400,
      "request.invalid",
    ],
    ["a 10 kB name", { body: { ...base, name: "x".repeat(10_000) } }, 400, "request.invalid"],
    ["a bad cursor", { method: "GET", path: "/v1/deployments?cursor=%%%" }, 400, "request.invalid_cursor"],
    [
      "an unknown state filter",
      { method: "GET", path: "/v1/deployments?state=sleeping" },
      400,
      "request.invalid",
    ],
    [
      "an unknown deployment",
      { method: "GET", path: "/v1/deployments/dep_nope" },
      404,
      "deployment.not_found",
    ],
    ["an unknown route", { method: "GET", path: "/v1/nothing" }, 404, "route.not_found"],
    [
      "an empty update",
      { method: "PATCH", path: "/v1/deployments/dep_nope", body: {} },
      400,
      "request.invalid",
    ],
    [
      "a webhook to a non-URL",
      { path: "/v1/webhooks", body: { url: "nope" } },
      422,
      "webhook.url_not_allowed",
    ],
    [
      "a webhook for an unknown event",
      { path: "/v1/webhooks", body: { url: "http://127.0.0.1:9/", events: ["x"] } },
      400,
      "request.invalid",
    ],
    [
      "chat without messages",
      { path: "/v1/deployments/dep_nope/chat/completions", body: { model: "x" } },
      400,
      "request.invalid",
    ],
  ];

  it.each(cases)("answers %s with a clear 4xx", async (_, req, status, code) => {
    const res = await api(req.path ?? "/v1/deployments", {
      method: req.method,
      body: req.body,
      headers: req.headers,
    });
    expect(res.status).toBe(status);
    const error = res.body.error as { code: string; message: string };
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(5);
  });

  it("rejects a start on a deployment that isn't stopped with 409 and the current state", async () => {
    const dep = await deploy({ model: { source: "Qwen/Qwen2.5-7B-Instruct" } });
    const res = await api(`/v1/deployments/${dep.id}/start`, { method: "POST" });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: "deployment.invalid_state",
      details: { state: expect.any(String) },
    });
  });

  it("refuses a test of a deployment that is not ready", async () => {
    const dep = await deploy();
    const res = await api(`/v1/deployments/${dep.id}/test`, { body: {} });
    expect(res.status).toBe(409);
    expect((res.body.error as { code: string }).code).toBe("deployment.not_ready");
  });
});

describe("idempotent creates", () => {
  const body = {
    provider: "together",
    model: { source: "hf://acme/tiny-llama" },
    hardware: "1x_nvidia_h100_80gb_sxm",
  };

  it("returns the same deployment for the same key and body", async () => {
    const key = `idem-${Date.now()}`;
    const first = await api("/v1/deployments", { body, headers: { "idempotency-key": key } });
    const second = await api("/v1/deployments", { body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body.id).toBe(first.body.id);
  });

  it("answers 409 when a key is reused with another body", async () => {
    const key = `idem-${Date.now()}-b`;
    await api("/v1/deployments", { body, headers: { "idempotency-key": key } });
    const res = await api("/v1/deployments", {
      body: { ...body, hardware: "2x_nvidia_h100_80gb_sxm" },
      headers: { "idempotency-key": key },
    });
    expect(res.status).toBe(409);
    expect((res.body.error as { code: string }).code).toBe("idempotency.key_reused");
  });

  it("creates one deployment when the same request races itself", async () => {
    const key = `idem-${Date.now()}-c`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => api("/v1/deployments", { body, headers: { "idempotency-key": key } })),
    );
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.every((r) => r.status === 202)).toBe(true);
  });
});

describe("listing", () => {
  it("pages through a tenant's deployments with a cursor and filters by state", async () => {
    const tenantKey = (await ApiKey.create({ tenantId: `ten_list_${Date.now()}` })).key;
    const made = [];
    for (let i = 0; i < 5; i++)
      made.push(await deploy({ model: { source: "hf://acme/corrupt-llama" } }, tenantKey));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api(`/v1/deployments?limit=2${cursor ? `&cursor=${cursor}` : ""}`, {
        key: tenantKey,
      });
      seen.push(...(res.body.data as { id: string }[]).map((d) => d.id));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(seen.sort()).toEqual(made.map((d) => d.id).sort());
    expect(stack.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});
