import { load } from "@hangar/core/deployment/write";
import { createTogetherProvider } from "@hangar/core/providers/together/index";
import { describe, expect, it } from "vitest";
import { api, deploy, simControl, waitForState } from "../support/api";
import { stack } from "../support/stack";
import { until } from "../support/until";

type Event = { id: string; kind: string; from: string | null; to: string | null; type: string | null };

const CATALOG = "Qwen/Qwen2.5-7B-Instruct";

describe("the provider's events feed", () => {
  it("shows Together v2's own events next to Hangar's, with kind provider", async () => {
    const dep = await deploy({ apiVersion: "v2", model: { source: CATALOG } });
    await waitForState(dep.id, "ready");
    const all = await until(
      async () => (await api(`/v1/deployments/${dep.id}/events`)).body.data as Event[],
      (events) => events.some((e) => e.kind === "provider" && e.type === "deployment.status_updated"),
      "no provider events",
    );
    expect(all.some((e) => e.kind === "hangar" && e.to === "ready")).toBe(true);
    const provider = all.filter((e) => e.kind === "provider");
    expect(provider.every((e) => e.to === null && e.from === null)).toBe(true);
    // Read again on every check from an inclusive cursor, each event is stored once.
    expect(new Set(provider.map((e) => e.id)).size).toBe(provider.length);
    const own = (await api(`/v1/deployments/${dep.id}/events?kind=hangar`)).body.data as Event[];
    expect(own.every((e) => e.kind === "hangar")).toBe(true);
    const theirs = (await api(`/v1/deployments/${dep.id}/events?kind=provider`)).body.data as Event[];
    expect(theirs.map((e) => e.id)).toEqual(provider.map((e) => e.id));
  });
});

describe("reacting to the feed between checks", () => {
  it("looks at a settled deployment within a minute when its feed says it changed, not at the next watch", async () => {
    const dep = await deploy({ apiVersion: "v2", model: { source: CATALOG } });
    const ready = await waitForState(dep.id, "ready");
    const row = await until(
      () => load(dep.id),
      (r) => !!r?.checkAt && Date.parse(r.checkAt) - Date.now() > 120_000,
      "no settled watch check ahead",
    );
    const nextWatch = Date.parse(row?.checkAt as string);
    // Together fails the deployment on its side: only its feed (and the next watch) says so.
    const v2Deployment = String(ready.upstream.endpointId).split("/")[1];
    await simControl(`/deployments/${v2Deployment}/fail`, { message: "Engine crashed" });

    const failed = await waitForState(dep.id, "failed", { timeoutMs: 100_000 });
    expect(Date.now()).toBeLessThan(nextWatch);
    expect(failed.lastError?.message).toMatch(/FAILED|Engine crashed/);
    const events = (await api(`/v1/deployments/${dep.id}/events?kind=provider`)).body.data as Event[];
    expect(events.some((e) => e.type === "deployment.status_updated")).toBe(true);
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });
});

describe("Together v2 analytics as usage", () => {
  it("reads what the simulator served, through Hangar's proxy and straight to Together", async () => {
    const dep = await deploy({ apiVersion: "v2", model: { source: CATALOG } });
    const ready = await waitForState(dep.id, "ready");
    const endpoint = { id: ready.upstream.endpointId as string, name: ready.endpoint?.name as string };
    const from = new Date(Date.now() - 1000).toISOString();
    const ask = { messages: [{ role: "user", content: "Count me" }], max_tokens: 8 };

    for (let i = 0; i < 3; i++) {
      const res = await api(`/v1/deployments/${dep.id}/chat/completions`, { body: ask });
      expect(res.status).toBe(200);
    }
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${stack.togetherUrl}/chat/completions`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${stack.env.TOGETHER_API_KEY}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ ...ask, model: endpoint.name }),
      });
      expect(res.status).toBe(200);
    }

    const to = new Date(Date.now() + 1000).toISOString();
    const [sample] = (await createTogetherProvider().usage?.({ endpoints: [endpoint], from, to })) ?? [];
    expect(sample).toMatchObject({ endpointId: endpoint.id, requests: 5, errors: 0 });
    expect(sample?.inputTokens).toBeGreaterThan(0);
    expect(sample?.outputTokens).toBeGreaterThan(0);
    expect(sample?.latencyMs?.p50).toBeGreaterThan(0);
  });

  it("refuses a v1 endpoint rather than reporting it idle", async () => {
    const dep = await deploy({ apiVersion: "v1", model: { source: CATALOG } });
    const ready = await waitForState(dep.id, "ready");
    const now = new Date().toISOString();
    const endpoints = [{ id: ready.upstream.endpointId as string, name: ready.endpoint?.name as string }];
    await expect(createTogetherProvider().usage?.({ endpoints, from: now, to: now })).rejects.toThrow(/v1/);
  });
});
