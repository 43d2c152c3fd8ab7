import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, deploy, waitForState } from "../support/api";
import { providers, simControl } from "../support/providers";
import { subscribedReceiver } from "../support/receiver";

type Event = { from: string | null; to: string; reason: string | null; sequence: number };
type Info = { state: string; wakeOnRequest: boolean; lastActivityAt: string | null; version: number };

const hi = { messages: [{ role: "user", content: "Hi" }] };
const chat = (id: string, headers: Record<string, string> = {}) =>
  api(`/v1/deployments/${id}/chat/completions`, { body: hi, headers });

async function events(id: string) {
  const all = (await api(`/v1/deployments/${id}/events`)).body.data as Event[];
  return all.sort((a, b) => a.sequence - b.sequence);
}

/** Requests through Hangar's proxy start a stopped deployment that asks for it. */
describe.each(providers)("wake on request on $provider", (p) => {
  const body = { provider: p.provider, hardware: p.hardware, model: { source: p.catalog } };
  let receiver: Awaited<ReturnType<typeof subscribedReceiver>>;

  beforeAll(async () => {
    receiver = await subscribedReceiver();
  });

  afterAll(async () => {
    await receiver.unsubscribe();
  });

  async function stopped(extra: Record<string, unknown> = { wakeOnRequest: true }) {
    const dep = await deploy({ ...body, ...extra });
    await waitForState(dep.id, "ready");
    await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    return waitForState(dep.id, "stopped");
  }

  it("holds requests sent with Prefer: wait until the stopped deployment serves, waking it once for all of them", async () => {
    const dep = await stopped();
    const before = new Date().toISOString();
    const answers = await Promise.all([
      chat(dep.id, { prefer: "wait=60" }),
      chat(dep.id, { prefer: "wait=60" }),
      api("/openai/v1/chat/completions", { body: { ...hi, model: dep.id }, headers: { prefer: "wait=60" } }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get("preference-applied")).toBe("wait=60");
      expect((answer.body.choices as unknown[]).length).toBeGreaterThan(0);
    }

    const wakes = (await events(dep.id)).filter((e) => e.sequence > dep.version && e.to === "starting");
    expect(wakes.map((e) => `${e.from}→${e.to} ${e.reason}`)).toEqual(["stopped→starting wake"]);
    const info = (await api(`/v1/deployments/${dep.id}`)).body as unknown as Info;
    expect(info.state).toBe("ready");
    expect(info.lastActivityAt && info.lastActivityAt >= before).toBe(true);

    // Both webhooks of the one wake arrive; the events above show there was no second wake.
    await receiver.waitFor((r) => r.json.type === "deployment.started" && r.json.data.id === dep.id);
    await receiver.waitFor((r) => r.json.type === "deployment.waking" && r.json.data.id === dep.id);
    const waking = receiver.received.filter(
      (r) => r.json.type === "deployment.waking" && r.json.data.id === dep.id,
    );
    expect(waking).toHaveLength(1);
    expect(waking[0]?.json.data).toMatchObject({ state: "starting", wakeOnRequest: true });
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("answers a request without Prefer 503 deployment.waking with Retry-After, and starts the deployment", async () => {
    const dep = await stopped();
    const res = await chat(dep.id);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: "deployment.waking" });
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);

    // The OpenAI route answers the same in OpenAI's error shape while it is still starting.
    const openai = await api("/openai/v1/chat/completions", { body: { ...hi, model: dep.id } });
    if (openai.status !== 200) {
      expect(openai.status).toBe(503);
      expect(openai.body.error).toMatchObject({ code: "deployment.waking", type: "api_error" });
      expect(openai.headers.get("retry-after")).toBeTruthy();
    }
    await waitForState(dep.id, "ready");
    expect((await chat(dep.id)).status).toBe(200);
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("keeps today's answer for a stopped deployment without wakeOnRequest: 409 deployment.not_ready, still stopped", async () => {
    const dep = await stopped({});
    expect((dep as unknown as Info).wakeOnRequest).toBe(false);
    const res = await chat(dep.id, { prefer: "wait=5" });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "deployment.not_ready" });
    expect(res.headers.get("preference-applied")).toBeNull();
    const info = (await api(`/v1/deployments/${dep.id}`)).body as unknown as Info;
    expect(info.state).toBe("stopped");
    expect((await events(dep.id)).filter((e) => e.sequence > dep.version)).toEqual([]);
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("turns wakeOnRequest on with PATCH", async () => {
    const dep = await stopped({});
    const patched = await api(`/v1/deployments/${dep.id}`, {
      method: "PATCH",
      body: { wakeOnRequest: true },
    });
    expect(patched.status).toBe(202);
    expect((patched.body as unknown as Info).wakeOnRequest).toBe(true);
    expect((await chat(dep.id, { prefer: "wait=60" })).status).toBe(200);
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });
});

/** Fireworks wakes a deployment scaled to zero itself, answering 503 meanwhile: Hangar holds or says so. */
describe("wake on request from zero replicas on fireworks", () => {
  const fireworks = providers.find((p) => p.provider === "fireworks");

  it("holds a request with Prefer: wait while the provider scales up from zero, and answers 503 deployment.waking without it", async () => {
    if (!fireworks) throw new Error("the fireworks simulator is part of the stack");
    const dep = await deploy({
      provider: "fireworks",
      hardware: fireworks.hardware,
      model: { source: fireworks.catalog },
      autoscaling: { minReplicas: 0, maxReplicas: 1 },
      scaleToZero: { afterIdleMinutes: 5 },
      wakeOnRequest: true,
    });
    await waitForState(dep.id, "ready");
    // Ten idle minutes on the simulator's clock: scaled to zero.
    await simControl(fireworks, "/clock", { seconds: 600 });
    const plain = await chat(dep.id);
    expect(plain.status).toBe(503);
    expect(plain.body.error).toMatchObject({ code: "deployment.waking" });
    expect(plain.headers.get("retry-after")).toBeTruthy();

    await simControl(fireworks, "/clock", { seconds: 600 });
    const held = await chat(dep.id, { prefer: "wait=60" });
    expect(held.status).toBe(200);
    expect(held.headers.get("preference-applied")).toBe("wait=60");
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });
});
