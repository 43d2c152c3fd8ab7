import type { Actor } from "@hangar/core/actor";
import { type ErrorKind, RetryLater, VisibleError } from "@hangar/core/error";
import { ProviderError } from "@hangar/core/provider/error";
import { onError } from "@hangar/functions/api/errors";
import { createApp } from "@hangar/functions/api/index";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";

/**
 * What the API decides before it reads the store: auth, validation and error shapes. Keys are
 * resolved by a verifier that knows one key, so a request gets past auth and is refused by the
 * route's schema; a request that would reach a handler belongs in the integration tests.
 */
const KEY = "hk_route_test";
const actor: Actor = { type: "tenant", tenantId: "ten_route_test", keyId: "key_route_test" };
const app = createApp({ verify: async (key) => (key === KEY ? actor : undefined) });

async function call(
  path: string,
  init: { method?: string; body?: unknown; raw?: string; key?: string } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const response = await app.request(path, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
  return { status: response.status, body: (await response.json()) as { error: Record<string, unknown> } };
}

describe("the API's routes", () => {
  it("route every operation the served document lists at its method and path", async () => {
    const document = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routed = new Set(app.routes.map((r) => `${r.method} ${r.path}`));
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replaceAll(/{(\w+)}/g, ":$1")}`),
    );
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.filter((operation) => !routed.has(operation))).toEqual([]);
  });

  it("serve every documented path under one of the API's URL prefixes", async () => {
    const document = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    const prefixes = new Set(
      Object.keys(document.paths).map((path) => path.split("/").slice(0, 3).join("/")),
    );
    expect([...prefixes].sort()).toEqual([
      "/openai/v1",
      "/v1/budget",
      "/v1/cost",
      "/v1/deployments",
      "/v1/estimates",
      "/v1/hardware",
      "/v1/keys",
      "/v1/models",
      "/v1/settings",
      "/v1/stops",
      "/v1/webhooks",
    ]);
  });

  it("refuse a /v1 request without an API key with 401 auth.missing_key", async () => {
    const { status, body } = await call("/v1/deployments");
    expect(status).toBe(401);
    expect(body.error.code).toBe("auth.missing_key");
  });

  it("refuse a key the verifier does not know with 401 auth.invalid_key", async () => {
    const { status, body } = await call("/v1/settings", { key: "hk_someone_else" });
    expect(status).toBe(401);
    expect(body.error.code).toBe("auth.invalid_key");
  });

  it("answer an unknown route outside /v1 with 404 route.not_found", async () => {
    const { status, body } = await call("/nowhere");
    expect(status).toBe(404);
    expect(body.error.code).toBe("route.not_found");
  });

  it("refuse a create body that fails the schema with 400 request.invalid and its issues", async () => {
    const { status, body } = await call("/v1/deployments", { key: KEY, body: { provider: "nobody" } });
    expect(status).toBe(400);
    expect(body.error.code).toBe("request.invalid");
    expect(body.error.message).toMatch(/provider/);
    expect(Array.isArray(body.error.details)).toBe(true);
  });

  it("refuse a body that is not JSON with 400 request.malformed", async () => {
    const { status, body } = await call("/v1/webhooks", { key: KEY, raw: "{not json" });
    expect(status).toBe(400);
    expect(body.error.code).toBe("request.malformed");
  });

  it("refuse a query out of range on a sub-resource with 400 request.invalid", async () => {
    const { status, body } = await call("/v1/stops/preview?withinMinutes=0", { key: KEY });
    expect(status).toBe(400);
    expect(body.error.code).toBe("request.invalid");
    expect(body.error.message).toMatch(/^withinMinutes: /);
  });

  it("refuse a lease with a negative duration under /v1/deployments/{id} before looking the deployment up", async () => {
    const { status, body } = await call("/v1/deployments/dep_x/leases", {
      key: KEY,
      body: { durationMinutes: -1 },
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe("request.invalid");
  });
});

describe("the OpenAI-compatible routes", () => {
  it("refuse a request without an API key with 401 in OpenAI's error shape", async () => {
    const { status, body } = await call("/openai/v1/models");
    expect(status).toBe(401);
    expect(body.error).toMatchObject({ type: "authentication_error", code: "auth.missing_key", param: null });
  });

  it("refuse a chat body without a model with 400 in OpenAI's error shape, naming the parameter", async () => {
    const { status, body } = await call("/openai/v1/chat/completions", {
      key: KEY,
      body: { messages: [{ role: "user", content: "Hi" }] },
    });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      type: "invalid_request_error",
      code: "request.invalid",
      param: "model",
    });
  });
});

describe("the API's error mapping", () => {
  const throwing = (error: Error) =>
    new Hono()
      .onError(onError)
      .get("/", () => {
        throw error;
      })
      .request("/");

  it("answers each error kind with its one status", async () => {
    const statuses: Record<ErrorKind, number> = {
      input: 400,
      auth: 401,
      not_found: 404,
      conflict: 409,
      unprocessable: 422,
      unavailable: 502,
      retry_later: 503,
    };
    for (const [kind, status] of Object.entries(statuses)) {
      const response = await throwing(new VisibleError(kind as ErrorKind, `test.${kind}`, "Test."));
      expect([kind, response.status]).toEqual([kind, status]);
      expect(await response.json()).toEqual({ error: { code: `test.${kind}`, message: "Test." } });
    }
  });

  it("answers a retry-later error 503 with its Retry-After", async () => {
    const response = await throwing(new RetryLater("deployment.waking", "Starting.", 30));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await response.json()).toEqual({ error: { code: "deployment.waking", message: "Starting." } });
  });

  it("answers a provider failure as unavailable, retryable or not", async () => {
    const retryable = await throwing(new ProviderError("together", "busy", { retryable: true, status: 503 }));
    expect(retryable.status).toBe(502);
    expect(await retryable.json()).toEqual({
      error: { code: "provider.unavailable", message: "together: busy" },
    });
    const rejected = await throwing(new ProviderError("fireworks", "no", { retryable: false, status: 400 }));
    expect(rejected.status).toBe(502);
    expect(await rejected.json()).toMatchObject({ error: { code: "provider.rejected" } });
  });
});
