import { type FireworksSimulator, startFireworksSimulator } from "@hangar/simulators/fireworks/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FireworksClient } from "../../packages/core/providers/fireworks";
import { createFireworksProvider } from "../../packages/core/providers/fireworks/provider";
import { ProviderError } from "../../packages/core/src/provider/error";

let sim: FireworksSimulator;
let client: FireworksClient;
const ROUTE = "GET /v1/accounts/:account/metrics";

beforeAll(async () => {
  sim = await startFireworksSimulator({ timeScale: 0.001 });
  client = new FireworksClient({
    apiKey: sim.apiKey,
    accountId: sim.account,
    baseUrl: sim.url,
    maxRetries: 0,
  });
});
afterAll(() => sim.close());

async function ready(id: string) {
  await client.deployments.create(id, {
    baseModel: "accounts/fireworks/models/llama-v3p1-8b-instruct",
    acceleratorType: "NVIDIA_H100_80GB",
    acceleratorCount: 1,
  });
  while ((await client.deployments.get(id)).state !== "READY") await new Promise((r) => setTimeout(r, 20));
  return (await client.deployments.get(id)).name;
}

/** Straight to the simulator's inference API, as a team calling Fireworks directly would. */
const chat = (model: string) =>
  fetch(`${sim.inferenceUrl}/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${sim.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ model, messages: [{ role: "user", content: "hi" }] }),
  });

describe("the Fireworks simulator's account metrics", () => {
  it("reports the requests it served, whoever sent them, and leaves out deployments without traffic", async () => {
    const busy = await ready("busy");
    await ready("quiet");
    for (let i = 0; i < 3; i++) expect((await chat(busy)).status).toBe(200);
    const text = await client.metrics();
    expect(text).toContain(`request_counter_total:sum_by_deployment{`);
    expect(text).toMatch(/deployment_id="busy"} 0\.05\n/);
    expect(text).not.toContain('deployment_id="quiet"');

    const provider = createFireworksProvider({
      apiKey: sim.apiKey,
      accountId: sim.account,
      baseUrl: sim.url,
    });
    const to = new Date();
    const from = new Date(to.getTime() - 60_000);
    const usage = await provider.usage!({
      endpoints: [
        { id: "busy", name: busy },
        { id: "quiet", name: "accounts/hangar-sim/deployments/quiet" },
      ],
      from: from.toISOString(),
      to: to.toISOString(),
    });
    expect(usage).toEqual([
      expect.objectContaining({
        endpointId: "busy",
        requests: 3,
        errors: 0,
        replicas: 1,
        latencyMs: expect.any(Object),
      }),
    ]);
  });

  it("answers 429 past six scrapes a minute per account, and again a minute later", async () => {
    await fetch(`${sim.url}/_sim/clock`, { method: "POST", body: JSON.stringify({ seconds: 61 / 0.001 }) });
    for (let i = 0; i < 6; i++) await client.metrics();
    const refused = await client.metrics().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProviderError);
    expect((refused as ProviderError).status).toBe(429);
    await fetch(`${sim.url}/_sim/clock`, { method: "POST", body: JSON.stringify({ seconds: 61 / 0.001 }) });
    expect(typeof (await client.metrics())).toBe("string");
  });

  it("fails scrapes on demand through the route's faults", async () => {
    await fetch(`${sim.url}/_sim/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ route: ROUTE, rates: { "500": 1 } }),
    });
    const failed = await client.metrics().catch((e: unknown) => e);
    expect((failed as ProviderError).status).toBe(500);
    await fetch(`${sim.url}/_sim/faults`, { method: "DELETE" });
  });
});
