import { withActor } from "@hangar/core/actor";
import * as Budget from "@hangar/core/budget/index";
import * as Cost from "@hangar/core/cost/index";
import { emitNotice } from "@hangar/core/deployment/index";
import { afterAll, describe, expect, it } from "vitest";
import { api, type Deployment, deploy, waitForState } from "../support/api";
import { startReceiver } from "../support/receiver";
import { stack } from "../support/stack";

const H100 = "1x_nvidia_h100_80gb_sxm";
const H100_V2 = "1xnvidia-h100-80gb";
const PRICE = 3.36; // the simulator's 5.6 cents a minute
const HOUR = 3_600_000;
const system = <T>(cb: () => Promise<T>) => withActor({ type: "system" }, cb);
const asTenant = <T>(cb: () => Promise<T>) =>
  withActor({ type: "tenant", tenantId: stack.tenantId, keyId: "test" }, cb);
const billed = new Set(["provisioning", "ready", "updating", "starting", "stopping"]);
const created: string[] = [];

type Event = { from: string | null; to: string; at: string; sequence: number };

/** Billed and saved hours read straight off the events API, independently of the cost code. */
async function fromEvents(id: string, until: string) {
  const events = ((await api(`/v1/deployments/${id}/events?kind=hangar`)).body.data as Event[]).sort(
    (a, b) => a.sequence - b.sequence,
  );
  let billedMs = 0;
  let stoppedMs = 0;
  let ready = false;
  events.forEach((e, i) => {
    const end = Date.parse(events[i + 1]?.at ?? until);
    const ms = end - Date.parse(e.at);
    ready ||= e.to === "ready";
    if (billed.has(e.to)) billedMs += ms;
    if (e.to === "stopped" && ready) stoppedMs += ms;
  });
  return { billedHours: billedMs / HOUR, stoppedHours: stoppedMs / HOUR };
}

/** On Together v1 unless asked otherwise: v1 reports no live replicas, so cost rests on minReplicas. */
async function ready(body: Record<string, unknown> = {}) {
  const dep = await deploy({
    model: { source: "Qwen/Qwen2.5-7B-Instruct" },
    hardware: H100,
    apiVersion: "v1",
    ...body,
  });
  created.push(dep.id);
  await waitForState(dep.id, "ready");
  return dep as Deployment & { price: Cost.Price | null; createdAt: string };
}

afterAll(async () => {
  for (const id of created) await api(`/v1/deployments/${id}`, { method: "DELETE" });
});

describe("cost", () => {
  it("accrues a deployment's cost through ready → stopped → started, and counts the stop as saved", async () => {
    const dep = await ready();
    expect(dep.price).toMatchObject({ hardware: H100, pricePerHour: PRICE, priceSource: "provider" });
    await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    await waitForState(dep.id, "stopped");
    await new Promise((r) => setTimeout(r, 1500));
    await api(`/v1/deployments/${dep.id}/start`, { method: "POST" });
    await waitForState(dep.id, "ready");

    const res = await api(`/v1/deployments/${dep.id}/cost`);
    expect(res.status).toBe(200);
    const expected = await fromEvents(dep.id, res.body.to as string);
    expect(res.body.billableHours).toBeCloseTo(expected.billedHours, 9);
    expect(res.body.costUsd).toBeCloseTo(PRICE * expected.billedHours, 5);
    expect(expected.stoppedHours).toBeGreaterThan(1 / 3600);
    expect(res.body.savingsUsd).toBeCloseTo(PRICE * expected.stoppedHours, 5);
    expect((res.body.savingsByReason as Record<string, number>).manual).toBe(res.body.savingsUsd);
    expect(res.body.alwaysOnUsd).toBeCloseTo(
      (res.body.costUsd as number) + (res.body.savingsUsd as number),
      6,
    );
    expect(res.body.basis).toBe("min_replicas");
    expect(res.body.prices).toEqual([
      {
        hardware: H100,
        pricePerHour: PRICE,
        priceSource: "provider",
        priceAsOf: dep.price?.priceAsOf,
        kept: true,
      },
    ]);

    // Still ready an hour later: one more replica-hour.
    const from = new Date(Date.parse(dep.createdAt) - 60_000).toISOString();
    const later = await asTenant(() => Cost.deployment({ from }, dep.id, Date.now() + HOUR));
    expect(later.costUsd - (res.body.costUsd as number)).toBeCloseTo(PRICE, 1);
  });

  it("bills a Together v2 deployment for the replicas the provider reports serving, and says where each figure came from", async () => {
    const dep = await ready({ apiVersion: "v2" });
    expect(dep.price).toMatchObject({ hardware: H100_V2, pricePerHour: PRICE, priceSource: "provider" });
    const serving = await api(`/v1/deployments/${dep.id}`);
    expect((serving.body.observed as { readyReplicas: number }).readyReplicas).toBe(1);
    await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    const stopped = await waitForState(dep.id, "stopped");
    expect(stopped.observed?.readyReplicas).toBe(0);

    const res = await api(`/v1/deployments/${dep.id}/cost`);
    const expected = await fromEvents(dep.id, res.body.to as string);
    // Provisioning began before the provider reported replicas (minReplicas counts there); from ready on, its count.
    expect(res.body.basis).toBe("mixed");
    expect(res.body.costUsd).toBeCloseTo(PRICE * expected.billedHours, 5);
    expect(res.body.savingsUsd).toBeCloseTo(PRICE * expected.stoppedHours, 5);
  });

  it("groups the tenant's cost by UTC day, by provider and by deployment", async () => {
    const dep = await ready();
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const byDay = await api(`/v1/cost?groupBy=day&from=${from}`);
    expect(byDay.status).toBe(200);
    const days = byDay.body.groups as { key: string; costUsd: number }[];
    expect(days.map((d) => d.key)).toContain(new Date().toISOString().slice(0, 10));
    const total = (byDay.body.total as { costUsd: number }).costUsd;
    expect(days.reduce((sum, d) => sum + d.costUsd, 0)).toBeCloseTo(total, 5);

    const byProvider = await api(`/v1/cost?groupBy=provider&from=${from}`);
    // The run's tenant has deployments on both providers by now; this one is on Together.
    const providers = (byProvider.body.groups as { key: string }[]).map((g) => g.key);
    expect(providers).toContain("together");
    expect(providers.every((k) => k === "together" || k === "fireworks")).toBe(true);

    const byDeployment = await api(`/v1/cost?from=${from}`);
    const mine = (byDeployment.body.groups as { key: string; name: string; costUsd: number }[]).find(
      (g) => g.key === dep.id,
    );
    expect(mine?.name).toBe(dep.id);
    expect(mine?.costUsd).toBeGreaterThan(0);

    expect((await api("/v1/cost?from=2026-01-02&to=2026-01-01")).body.error).toMatchObject({
      code: "cost.invalid_range",
    });
  });

  it("estimates always-on against a weekday schedule, and lists the valid hardware for an unknown one", async () => {
    const res = await api("/v1/estimates", {
      body: {
        provider: "together",
        hardware: H100,
        replicas: 2,
        schedule: {
          timezone: "Europe/Paris",
          windows: [{ days: ["mon", "tue", "wed", "thu", "fri"], start: "08:00", end: "19:00" }],
          startLeadMinutes: 0,
        },
      },
    });
    expect(res.status).toBe(200);
    const body = res.body as unknown as Cost.Estimate;
    expect(body.price).toMatchObject({ pricePerHour: PRICE, priceSource: "provider" });
    expect(body.alwaysOn.monthlyUsd).toBeCloseTo(PRICE * 2 * 730, 6);
    expect(body.alwaysOn.hourlyUsd).toBeCloseTo(PRICE * 2, 6);
    // 30 days hold 21 or 22 weekdays of 11 hours.
    expect(body.hoursPerWeek).toBeGreaterThanOrEqual((21 * 11 * 7) / 30 - 0.01);
    expect(body.hoursPerWeek).toBeLessThanOrEqual((22 * 11 * 7) / 30 + 0.01);
    expect(body.withPolicy?.monthlyUsd).toBeCloseTo(PRICE * 2 * (body.withPolicy?.hoursPerMonth ?? 0), 1);
    expect(body.savings?.monthlyUsd).toBeCloseTo(
      body.alwaysOn.monthlyUsd - (body.withPolicy?.monthlyUsd ?? 0),
      6,
    );
    expect(body.savings?.percent).toBeGreaterThan(60);

    const unknown = await api("/v1/estimates", {
      body: { provider: "together", hardware: "1x_nvidia_b300" },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: "estimate.unknown_hardware" });
    // The valid ids are the default generation's (v2); the v1 id above priced the same hardware.
    expect((unknown.body.error as { details: { valid: string[] } }).details.valid).toContain(H100_V2);
  });
});

describe("budgets", () => {
  const soon = () => new Date(Date.now() + 10 * 60_000);

  it("stops a deployment over its hard budget, with reason budget, and says so once", async () => {
    const receiver = await startReceiver();
    await api("/v1/webhooks", { body: { url: receiver.url, events: ["budget.exceeded"] } });
    const dep = await ready();
    const put = await api(`/v1/deployments/${dep.id}/budget`, { method: "PUT", body: { hardLimitUsd: 0.1 } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      scope: "deployment",
      hardLimitUsd: 0.1,
      softLimitUsd: null,
      status: "ok",
    });

    // Ten minutes on an H100 is about $0.56: over the limit.
    const first = await system(() => Budget.check(soon()));
    expect(first.stopped).toContain(dep.id);
    expect(first.exceeded).toContain(dep.id);
    const stopped = await waitForState(dep.id, "stopped");
    expect(stopped.stopReason).toMatch(/^budget: spent \$0\.\d\d of \$0\.10 this month$/);

    const again = await system(() => Budget.check(soon()));
    expect(again.exceeded).not.toContain(dep.id);
    expect(again.stopped).not.toContain(dep.id);

    const hook = await receiver.waitFor(
      (r) => r.json.type === "budget.exceeded" && r.json.data.deploymentId === dep.id,
    );
    expect(hook.json.data).toMatchObject({ limitUsd: 0.1, stopped: [dep.id] });
    // "Once": a later budget.exceeded of the deployment takes the next sequence number after its
    // last event, so no second notice was emitted in between, and only the two arrive.
    const history = (await api(`/v1/deployments/${dep.id}/events?kind=hangar`)).body.data as Event[];
    const last = Math.max(...history.map((e) => e.sequence), Number(hook.json.sequence));
    const marker = await system(() =>
      emitNotice({
        tenantId: stack.tenantId,
        type: "budget.exceeded",
        deploymentId: dep.id,
        data: hook.json.data,
      }),
    );
    expect(marker.sequence).toBe(last + 1);
    await receiver.waitFor((r) => r.headers["webhook-id"] === marker.id);
    const mine = receiver.received.filter((r) => r.json.data.deploymentId === dep.id);
    expect(mine.map((r) => r.json.sequence)).toEqual([hook.json.sequence, marker.sequence]);

    const cost = await api(`/v1/deployments/${dep.id}/cost`);
    expect(cost.body.basis).toBe("min_replicas");
    await receiver.close();
  });

  it("warns once per month when a soft budget is crossed, and keeps the deployment running", async () => {
    const dep = await ready();
    await api(`/v1/deployments/${dep.id}/budget`, { method: "PUT", body: { softLimitUsd: 0.05 } });

    expect((await system(() => Budget.check(soon()))).warned).toContain(dep.id);
    expect((await system(() => Budget.check(soon()))).warned).not.toContain(dep.id);
    expect((await api(`/v1/deployments/${dep.id}`)).body.state).toBe("ready");

    const budget = await api(`/v1/deployments/${dep.id}/budget`);
    expect(budget.body.warnedAt).toEqual(expect.any(String));

    // A new limit re-arms the warning.
    await api(`/v1/deployments/${dep.id}/budget`, { method: "PUT", body: { softLimitUsd: 0.06 } });
    expect((await system(() => Budget.check(soon()))).warned).toContain(dep.id);

    expect((await api(`/v1/deployments/${dep.id}/budget`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/v1/deployments/${dep.id}/budget`)).status).toBe(404);
  });

  it("keeps a tenant budget, and rejects a soft limit above the hard one", async () => {
    const bad = await api("/v1/budget", { method: "PUT", body: { softLimitUsd: 50, hardLimitUsd: 10 } });
    expect(bad.status).toBe(400);
    const put = await api("/v1/budget", { method: "PUT", body: { softLimitUsd: 1000, hardLimitUsd: 5000 } });
    expect(put.body).toMatchObject({ scope: "tenant", deploymentId: null, period: "month", status: "ok" });
    expect((await api("/v1/budget")).body.spentUsd).toEqual(expect.any(Number));
    expect((await api("/v1/budget", { method: "DELETE" })).status).toBe(204);
  });
});
