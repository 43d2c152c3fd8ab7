import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startTogetherSimulator, type TogetherSimulator } from "@hangar/simulators/together/index";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  backoffDelay,
  ConnectionError,
  defaultRetryPolicy,
  InternalServerError,
  parseRetryAfter,
  RateLimitError,
  TimeoutError,
  TogetherClient,
  TogetherError,
  withRetry,
} from "../../packages/core/providers/together";
import type { Clock } from "../../packages/core/src/provider/retry";

const policy = { ...defaultRetryPolicy, baseDelayMs: 1, maxDelayMs: 5 };

/** A clock that stands still at `now` and records each wait it is asked for instead of waiting. */
function recordingClock(now: number): Clock & { waits: number[] } {
  const waits: number[] = [];
  return { now: () => now, sleep: async (ms) => void waits.push(ms), waits };
}
const retryable = (status = 503) => new TogetherError("boom", { status, retryable: true });

describe("Retry-After parsing", () => {
  it("prefers retry-after-ms over retry-after", () => {
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
  });

  it("reads retry-after as seconds", () => {
    expect(parseRetryAfter(new Headers({ "retry-after": "2" }))).toBe(2000);
  });

  it("reads retry-after as an HTTP date relative to now", () => {
    const now = Date.parse("2026-05-04T10:00:00Z");
    expect(parseRetryAfter(new Headers({ "retry-after": "Mon, 04 May 2026 10:00:03 GMT" }), now)).toBe(3000);
  });

  it("treats a date in the past as no wait and garbage as no hint", () => {
    const now = Date.parse("2026-05-04T10:00:00Z");
    expect(parseRetryAfter(new Headers({ "retry-after": "Mon, 04 May 2026 09:00:00 GMT" }), now)).toBe(0);
    expect(parseRetryAfter(new Headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(parseRetryAfter(new Headers())).toBeUndefined();
  });
});

describe("backoff", () => {
  it("grows exponentially up to the cap with full jitter", () => {
    const p = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(0, p, undefined, () => 0.999)).toBe(99);
    expect(backoffDelay(2, p, undefined, () => 0.999)).toBe(399);
    expect(backoffDelay(6, p, undefined, () => 0.999)).toBe(999);
    expect(backoffDelay(3, p, undefined, () => 0)).toBe(0);
  });

  it("uses the server's hint when it is within bounds and ignores an absurd one", () => {
    expect(backoffDelay(0, defaultRetryPolicy, 1234)).toBe(1234);
    expect(backoffDelay(0, { ...defaultRetryPolicy, maxDelayMs: 10 }, 3_600_000, () => 0.5)).toBe(5);
  });
});

describe("withRetry", () => {
  it("rethrows the last error once the budget is spent", async () => {
    let calls = 0;
    const last = retryable();
    const run = withRetry(async () => {
      calls++;
      throw calls === 4 ? last : retryable();
    }, policy);
    await expect(run).rejects.toBe(last);
    expect(calls).toBe(4);
  });

  it("does not retry an error that is not retryable", async () => {
    let calls = 0;
    const error = new TogetherError("bad", { status: 400, retryable: false });
    await expect(
      withRetry(async () => {
        calls++;
        throw error;
      }, policy),
    ).rejects.toBe(error);
    expect(calls).toBe(1);
  });

  it("returns the first success", async () => {
    let calls = 0;
    const value = await withRetry(async () => {
      if (++calls < 3) throw retryable(429);
      return "ok";
    }, policy);
    expect(value).toBe("ok");
    expect(calls).toBe(3);
  });
});

describe("the client against a server that misbehaves", () => {
  let sim: TogetherSimulator;
  let client: TogetherClient;
  const control = (path: string, body: unknown) =>
    fetch(`${sim.controlUrl}${path}`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });

  beforeAll(async () => {
    sim = await startTogetherSimulator();
    client = new TogetherClient({
      apiKey: sim.apiKey,
      baseUrl: sim.url,
      timeoutMs: 300,
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
    });
  });
  afterAll(() => sim.close());
  beforeEach(() => control("/reset", {}));

  it("waits as long as retry-after-ms says after a 429, then succeeds", async () => {
    await control("/faults", { next: ["429", "429"], retry_after_ms: 120 });
    const clock = recordingClock(Date.now());
    const patient = new TogetherClient({ apiKey: sim.apiKey, baseUrl: sim.url, clock });
    const hardware = await patient.hardware();
    expect(hardware.length).toBeGreaterThan(0);
    expect(clock.waits).toEqual([120, 120]);
    expect(sim.state.calls["GET /v1/hardware"]).toBe(3);
  });

  it("gives up after three retries of a 503 with an InternalServerError", async () => {
    await control("/faults", { rates: { "503": 1 }, route: "GET /v1/jobs" });
    const error = await client.jobs.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).retryable).toBe(true);
    expect((error as InternalServerError).message).toBe("The server is overloaded or not ready yet.");
    expect(sim.state.calls["GET /v1/jobs"]).toBe(4);
  });

  it("times out a call the server holds and retries it", async () => {
    await control("/faults", { next: ["timeout", "timeout"], route: "GET /v1/models" });
    const models = await client.models.list();
    expect(models.some((m) => m.id === "Qwen/Qwen2.5-7B-Instruct")).toBe(true);
    expect(sim.state.calls["GET /v1/models"]).toBe(3);
  });

  it("reports a timeout as a retryable TimeoutError when every attempt hangs", async () => {
    const impatient = new TogetherClient({
      apiKey: sim.apiKey,
      baseUrl: sim.url,
      timeoutMs: 100,
      maxRetries: 1,
      retry: { baseDelayMs: 1 },
    });
    await control("/faults", { rates: { timeout: 1 } });
    const error = await impatient.jobs.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).retryable).toBe(true);
    expect(sim.state.calls["GET /v1/jobs"]).toBe(2);
  });

  it("hands a chat error back as a response once retries are spent", async () => {
    await control("/faults", { rates: { "429": 1 }, retry_after_ms: 1 });
    const response = await client.chat({ model: "x", messages: [{ role: "user", content: "hi" }] });
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({ error: { code: "rate_limit_exceeded" } });
    expect(sim.state.calls["POST /v1/chat/completions"]).toBe(4);
  });

  it("never puts the API key in an error", async () => {
    const wrong = new TogetherClient({ apiKey: "sk-very-secret-key", baseUrl: sim.url });
    const error = (await wrong.jobs.list().catch((e: unknown) => e)) as TogetherError;
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(JSON.stringify({ m: error.message, o: error.options, s: error.stack })).not.toContain(
      "sk-very-secret-key",
    );
  });
});

describe("the client against a plain HTTP server", () => {
  // The server asks for a retry 3 s after the client's clock reads 10:00:00.
  const retryAt = "Mon, 04 May 2026 10:00:03 GMT";
  let server: Server;
  let url: string;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      if (hits === 1) {
        res.writeHead(429, { "content-type": "application/json", "retry-after": retryAt });
        res.end(JSON.stringify({ error: { message: "slow down", type: "rate_limit" } }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ object: "list", data: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("honours a retry-after given as an HTTP date", async () => {
    const clock = recordingClock(Date.parse("2026-05-04T10:00:00Z"));
    const client = new TogetherClient({ apiKey: "k", baseUrl: url, retry: { baseDelayMs: 1 }, clock });
    expect(await client.hardware()).toEqual([]);
    expect(hits).toBe(2);
    expect(clock.waits).toEqual([3000]);
  });

  it("retries a refused connection and then reports a ConnectionError", async () => {
    const client = new TogetherClient({
      apiKey: "k",
      baseUrl: "http://127.0.0.1:1/v1",
      maxRetries: 2,
      retry: { baseDelayMs: 1 },
    });
    const error = await client.jobs.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).retryable).toBe(true);
  });

  it("classifies a 429 body as a RateLimitError with Together's message", async () => {
    hits = 0;
    const client = new TogetherClient({ apiKey: "k", baseUrl: url, maxRetries: 0 });
    const error = await client.hardware().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).message).toBe("slow down");
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThanOrEqual(0);
  });
});
