import { type FireworksSimulator, startFireworksSimulator } from "@hangar/simulators/fireworks/index";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  ConflictError,
  FireworksClient,
  type FireworksError,
  InternalServerError,
  NotFoundError,
  TimeoutError,
} from "../../packages/core/providers/fireworks";

let sim: FireworksSimulator;
let client: FireworksClient;
const options = () => ({
  apiKey: sim.apiKey,
  accountId: sim.account,
  baseUrl: sim.url,
  timeoutMs: 300,
  retry: { baseDelayMs: 5, maxDelayMs: 20 },
});
const control = (path: string, body: unknown) =>
  fetch(`${sim.controlUrl}${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
const base = {
  baseModel: "accounts/fireworks/models/llama-v3p1-8b-instruct",
  acceleratorType: "NVIDIA_H100_80GB",
  acceleratorCount: 1,
};
const calls = (route: string) => sim.state.calls[route] ?? 0;

beforeAll(async () => {
  sim = await startFireworksSimulator({ timeScale: 0.01, maxPageSize: 2 });
  client = new FireworksClient(options());
});
afterAll(() => sim.close());
beforeEach(() => control("/reset", {}));

describe("the Fireworks client against a misbehaving simulator", () => {
  it("waits as long as retry-after-ms says after a 429, then succeeds", async () => {
    await control("/faults", { next: ["429", "429"], retryAfterMs: 100 });
    const started = Date.now();
    await client.deployments.list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(calls("GET /v1/accounts/:account/deployments")).toBe(3);
  });

  it("gives up after three retries of a 503 UNAVAILABLE with an InternalServerError", async () => {
    await control("/faults", { route: "GET /v1/accounts/:account/models", rates: { "503": 1 } });
    const error = (await client.models.list().catch((e: unknown) => e)) as FireworksError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ retryable: true, code: "UNAVAILABLE", status: 503 });
    expect(calls("GET /v1/accounts/:account/models")).toBe(4);
  });

  it("times out a held call and retries it", async () => {
    await control("/faults", { next: ["timeout"], route: "GET /v1/accounts/:account/deployedModels" });
    expect(await client.deployedModels.list()).toEqual([]);
    expect(calls("GET /v1/accounts/:account/deployedModels")).toBe(2);
    const impatient = new FireworksClient({ ...options(), timeoutMs: 50, maxRetries: 1 });
    await control("/faults", { rates: { timeout: 1 } });
    await expect(impatient.models.list()).rejects.toBeInstanceOf(TimeoutError);
  });

  it("does not retry ALREADY_EXISTS, which callers read as 'fetch the existing one'", async () => {
    await client.deployments.create("dup", base);
    const error = await client.deployments.create("dup", base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: "ALREADY_EXISTS", retryable: false });
    expect(calls("POST /v1/accounts/:account/deployments")).toBe(2);
  });

  it("follows nextPageToken through every page", async () => {
    for (const id of ["p1", "p2", "p3", "p4", "p5"]) await client.deployments.create(id, base);
    expect((await client.deployments.list()).map((d) => d.name.split("/").pop())).toEqual([
      "p1",
      "p2",
      "p3",
      "p4",
      "p5",
    ]);
    expect(calls("GET /v1/accounts/:account/deployments")).toBe(3);
  });

  it("hands a chat 503 back as a response without retrying it", async () => {
    await control("/faults", { next: ["503"], route: "POST /inference/v1/chat/completions" });
    const response = await client.chat({
      model: "accounts/x/deployments/y",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(response.status).toBe(503);
    expect(calls("POST /inference/v1/chat/completions")).toBe(1);
  });

  it("reports a 404 as NotFoundError with the grpc code name", async () => {
    const error = await client.deployments.get("nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: "NOT_FOUND", retryable: false });
  });

  it("never puts the API key in an error", async () => {
    const wrong = new FireworksClient({ ...options(), apiKey: "fw-very-secret-key" });
    const error = (await wrong.models.list().catch((e: unknown) => e)) as FireworksError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify({ m: error.message, o: error.options, s: error.stack })).not.toContain(
      "fw-very-secret-key",
    );
  });
});
