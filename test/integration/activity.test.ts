import { withActor } from "@hangar/core/actor";
import * as Deployment from "@hangar/core/deployment/index";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, deploy, waitForState } from "../support/api";
import { clearFaults, faults, providers, simControl } from "../support/providers";
import { stack } from "../support/stack";

const fireworks = providers.find((p) => p.provider === "fireworks")!;
const system = <T>(cb: () => Promise<T>) => withActor({ type: "system" }, cb);
const account = stack.env.FIREWORKS_ACCOUNT_ID ?? "hangar-sim";
const METRICS_ROUTE = "GET /v1/accounts/:account/metrics";
const bus = stack.env.HANGAR_EVENTBRIDGE_ENDPOINT as string;

/**
 * Each test reads the account at minutes of its own, far enough ahead of the wall clock that the
 * stack's own once-a-minute cron (which claims the real minute) never takes one of them.
 */
let horizon = Date.now() + 60 * 60_000;
function clock(from: string) {
  const base = Math.max(horizon, Date.parse(from));
  horizon = base + 120 * 60_000;
  return (minutes: number) => new Date(Math.floor(base / 60_000) * 60_000 + minutes * 60_000);
}

const read = (at: Date) =>
  system(() =>
    Deployment.readActivity({
      type: "provider.activity",
      provider: "fireworks",
      account,
      at: at.toISOString(),
    }),
  );
const sweep = (at: Date) => system(() => Deployment.sweepPolicies(at));

/** A chat completion sent straight to the Fireworks simulator, not through Hangar. */
async function direct(endpointName: string) {
  const res = await fetch(`${stack.env.FIREWORKS_INFERENCE_URL}/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${stack.env.FIREWORKS_API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ model: endpointName, messages: [{ role: "user", content: "hello there" }] }),
  });
  expect(res.status).toBe(200);
}

/**
 * Moves the simulator's clock a little over a minute of wall time: what was served leaves the
 * metrics window, and the account's six scrapes a minute start afresh.
 */
async function aMinutePasses() {
  const { clock } = (await simControl(fireworks, "/state")) as { clock: { timeScale: number } };
  await simControl(fireworks, "/clock", { seconds: 61 / clock.timeScale });
}

async function metricsCalls() {
  const state = (await simControl(fireworks, "/state")) as { calls: Record<string, number> };
  return state.calls[METRICS_ROUTE] ?? 0;
}

async function idleDeployment(idleTimeoutMinutes: number) {
  const dep = await deploy({
    provider: "fireworks",
    model: { source: fireworks.catalog },
    hardware: fireworks.hardware,
    idleTimeoutMinutes,
  });
  return waitForState(dep.id, "ready");
}

type Info = {
  state: string;
  updatedAt: string;
  lastActivityAt: string | null;
  activity: Record<string, string | null>;
};
const info = async (id: string) => (await api(`/v1/deployments/${id}`)).body as unknown as Info;

beforeEach(aMinutePasses);
afterEach(() => clearFaults(fireworks));

describe("activity from the provider", () => {
  // First: it reads the current minute, which the other tests' future reads would close (a read
  // never goes back to an earlier minute).
  it("answers the served requests in the deployment's metrics, and refuses an unknown window", async () => {
    const dep = await idleDeployment(30);
    await direct(dep.endpoint!.name);
    await direct(dep.endpoint!.name);
    await direct(dep.endpoint!.name);
    const now = new Date();
    // The current minute, so the samples fall in the route's window (which ends now).
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    // The stack's own cron may have read this minute already (before or after these requests);
    // then the next minute is read, which the route's window still holds.
    if ((await read(minute)) === "skipped")
      expect(await read(new Date(minute.getTime() + 60_000))).toBe("read");

    const res = await api(`/v1/deployments/${dep.id}/metrics?window=1h`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ deploymentId: dep.id, window: "1h", bucketSeconds: 60, measured: true });
    const body = res.body as {
      totals: { requests: number; outputTokens: number };
      points: { requests: number; latencyMs: unknown; replicas: number | null }[];
    };
    expect(body.points).toHaveLength(60);
    expect(body.totals.outputTokens).toBeGreaterThan(0);
    const busiest = body.points.reduce((a, b) => (b.requests > a.requests ? b : a));
    expect(busiest).toMatchObject({ requests: 3, replicas: 1, latencyMs: { p50: expect.any(Number) } });

    const day = await api(`/v1/deployments/${dep.id}/metrics?window=24h`);
    expect(day.body).toMatchObject({ bucketSeconds: 900 });
    expect((day.body as { totals: { requests: number } }).totals.requests).toBe(body.totals.requests);

    const bad = await api(`/v1/deployments/${dep.id}/metrics?window=2h`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "request.invalid" });
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("keeps a deployment whose traffic goes straight to the provider, and stops it once that traffic ends", async () => {
    const dep = await idleDeployment(10);
    const at = clock((await info(dep.id)).updatedAt);
    const endpoint = dep.endpoint!.name;

    await direct(endpoint);
    expect(await read(at(4))).toBe("read");
    expect((await info(dep.id)).activity).toEqual({
      proxy: null,
      heartbeat: null,
      provider: at(4).toISOString(),
    });
    await direct(endpoint);
    expect(await read(at(8))).toBe("read");
    expect((await info(dep.id)).lastActivityAt).toBe(at(8).toISOString());

    // Ten minutes after it became ready, but not after its last (provider-measured) activity.
    await sweep(at(12));
    expect((await info(dep.id)).state).toBe("ready");

    await aMinutePasses();
    expect(await read(at(16))).toBe("read");
    expect((await info(dep.id)).activity.provider).toBe(at(8).toISOString());
    expect(await read(at(19))).toBe("read");
    await sweep(at(19));
    const stopped = await waitForState(dep.id, "stopped");
    expect(stopped.stopReason).toBe("idle: no activity for 10 min");
  });

  it("stops nobody while the metrics can't be read, and says why once", async () => {
    const dep = await idleDeployment(5);
    const at = clock((await info(dep.id)).updatedAt);
    expect(await read(at(2))).toBe("read");
    await faults(fireworks, { route: METRICS_ROUTE, rates: { "500": 1 } });

    expect(await read(at(7))).toBe("failed");
    await sweep(at(7));
    expect((await info(dep.id)).state).toBe("ready");
    expect(await read(at(8))).toBe("failed");
    await sweep(at(8));
    expect((await info(dep.id)).state).toBe("ready");

    const events = (await (await fetch(`${bus}/_events`)).json()) as {
      accepted: { detail: { type: string; data: Record<string, unknown> } }[];
    };
    const notices = events.accepted.filter(
      (e) => e.detail.type === "deployment.idle_unknown" && e.detail.data.deploymentId === dep.id,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]?.detail.data).toMatchObject({
      provider: "fireworks",
      lastReadAt: at(2).toISOString(),
      reason: expect.stringContaining("could not be read"),
    });

    // Once reads succeed again the outage counts as activity: the idle clock restarts from there.
    await clearFaults(fireworks);
    expect(await read(at(9))).toBe("read");
    expect((await info(dep.id)).activity.provider).toBe(at(9).toISOString());
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("reads each account at most once a minute, however many deployments and jobs", async () => {
    const deps = await Promise.all([idleDeployment(30), idleDeployment(30), idleDeployment(30)]);
    const at = clock(new Date().toISOString());
    for (const dep of deps) await direct(dep.endpoint!.name);
    const before = await metricsCalls();

    const results = await Promise.all([read(at(1)), read(at(1)), read(at(1)), read(at(1))]);
    expect(results.filter((r) => r === "read")).toHaveLength(1);
    expect(results.filter((r) => r === "skipped")).toHaveLength(3);
    expect(await metricsCalls()).toBe(before + 1);
    for (const dep of deps) expect((await info(dep.id)).activity.provider).toBe(at(1).toISOString());
    // A minute already read (or one before it) is never read again.
    expect(await read(at(0))).toBe("skipped");
    expect(await metricsCalls()).toBe(before + 1);
    for (const dep of deps) await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("enqueues one activity read per provider account that measures usage", async () => {
    // Fireworks (account metrics) and Together (v2 analytics), one account each.
    expect(await system(() => Deployment.enqueueActivityReads(new Date()))).toEqual({ enqueued: 2 });
  });
});
