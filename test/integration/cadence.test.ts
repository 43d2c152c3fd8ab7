import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { load } from "@hangar/core/deployment/write";
import { tableName } from "@hangar/core/store/index";
import * as Timing from "@hangar/core/timing/index";
import { durationKey } from "@hangar/core/timing/keys";
import type { DurationItem } from "@hangar/core/timing/store";
import { dynamo } from "@hangar/core/util/aws";
import { describe, expect, it, vi } from "vitest";
import { api, deploy, waitForState } from "../support/api";
import { providers, simControl } from "../support/providers";

const fireworks = providers.find((p) => p.provider === "fireworks")!;
const catalog = (id: string) => ({ source: `accounts/fireworks/models/${id}` });
type Event = { to: string; at: string; sequence: number };
type Exchange = { at: string; method: string; path: string };

const history = async (scope: Timing.DurationScope) =>
  (await dynamo().send(new GetCommand({ TableName: tableName(), Key: durationKey(scope) }))).Item as
    | DurationItem
    | undefined;

const events = async (id: string) => (await api(`/v1/deployments/${id}/events`)).body.data as Event[];
const event = (all: Event[], to: string) => all.find((e) => e.to === to) as Event;

describe("check cadence from duration history", () => {
  it("records how long a provisioning took under its provider, hardware, model-size class and step", async () => {
    const scope = {
      provider: "fireworks",
      hardware: "1x_nvidia_a100_80gb",
      size: "small",
      kind: "provisioning",
    };
    const before = (await history(scope))?.durations?.length ?? 0;
    const dep = await deploy({
      provider: "fireworks",
      hardware: scope.hardware,
      model: catalog("llama-v3p1-8b-instruct"),
    });
    await waitForState(dep.id, "ready");
    // The worker appends it after the ready transition has committed.
    const item = await vi.waitFor(
      async () => {
        const item = await history(scope);
        if ((item?.durations?.length ?? 0) <= before) throw new Error("no duration recorded yet");
        return item as DurationItem;
      },
      { timeout: 10_000, interval: 100 },
    );
    const all = await events(dep.id);
    const took = (Date.parse(event(all, "ready").at) - Date.parse(event(all, "provisioning").at)) / 1000;
    expect(item.durations?.at(-1)).toBeCloseTo(took, 0);
    expect(item.type).toBe("duration");
  });

  it("plans a deployment's checks from its step's history: sparse while completions are far off", async () => {
    const scope = {
      provider: "fireworks",
      hardware: "1x_nvidia_h200_141gb",
      size: "large",
      kind: "provisioning",
    };
    // Earlier provisionings of a 70B model on an H200 took ten minutes.
    for (let i = 0; i < 5; i++) await Timing.record(scope, 600);
    const dep = await deploy({
      provider: "fireworks",
      hardware: scope.hardware,
      model: catalog("llama-v3p1-70b-instruct"),
    });
    const row = await vi.waitFor(
      async () => {
        const row = await load(dep.id);
        if (row?.state !== "provisioning" || !row.endpointId) throw new Error("endpoint not created yet");
        return row;
      },
      { timeout: 30_000, interval: 100 },
    );
    const wait = (Date.parse(row.checkAt as string) - Date.parse(row.updatedAt)) / 1000;
    // Without history the backoff would look again after HANGAR_CHECK_MIN_SECONDS (1 s here); with
    // it, the first check goes halfway to the history's first percentile (~534 s).
    expect(wait).toBeGreaterThan(200);
    expect(wait).toBeLessThan(300);
    // The rollout's phase, from Fireworks' replicaStats, is tracked from when it was first seen.
    expect(row.phase?.name).toBe("scheduling");
    expect((await api(`/v1/deployments/${dep.id}`, { method: "DELETE" })).status).toBe(202);
    await waitForState(dep.id, "deleted");
  });
});

describe("Retry-After for a deployment waking on a request", () => {
  it("is the median of what its start has left, from past starts of its provider, hardware and size", async () => {
    const scope = { provider: "fireworks", hardware: "1x_nvidia_a100_80gb", size: "small", kind: "start" };
    const dep = await deploy({
      provider: "fireworks",
      hardware: scope.hardware,
      model: catalog("llama-v3p1-8b-instruct"),
      wakeOnRequest: true,
    });
    await waitForState(dep.id, "ready");
    await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    await waitForState(dep.id, "stopped");
    // Earlier starts of an 8B model on an A100 took two minutes.
    for (let i = 0; i < 5; i++) await Timing.record(scope, 120);

    const res = await api(`/v1/deployments/${dep.id}/chat/completions`, {
      body: { messages: [{ role: "user", content: "Hi" }] },
    });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: "deployment.waking" });
    const seconds = Number(res.headers.get("retry-after"));
    expect(seconds).toBeGreaterThan(100);
    expect(seconds).toBeLessThanOrEqual(120);
    expect((await api(`/v1/deployments/${dep.id}`, { method: "DELETE" })).status).toBe(202);
    await waitForState(dep.id, "deleted");
  });
});

describe("one list call per account per tick", () => {
  it("serves the checks of several in-flight deployments of one account with fewer provider reads", async () => {
    const since = new Date().toISOString();
    // Hold each rollout about nine seconds, so their checks overlap.
    const steps = (await simControl(fireworks, "/steps", {
      schedulingMs: 3000,
      downloadingMs: 3000,
      initializingMs: 3000,
    })) as { previous: Record<string, number> };
    try {
      const deps = await Promise.all(
        [1, 2, 3, 4].map(() =>
          deploy({
            provider: "fireworks",
            hardware: fireworks.hardware,
            model: { source: fireworks.catalog },
          }),
        ),
      );
      await Promise.all(deps.map((d) => waitForState(d.id, "ready", { timeoutMs: 90_000 })));
      // Each step in provisioning reads the endpoint once, and commits once: reads alone = commits.
      let alone = 0;
      const ids: string[] = [];
      for (const d of deps) {
        const all = await events(d.id);
        alone += event(all, "ready").sequence - event(all, "provisioning").sequence;
        ids.push((await load(d.id))?.endpointId as string);
      }
      const exchanges = ((await simControl(fireworks, "/exchanges")) as unknown as { exchanges: Exchange[] })
        .exchanges;
      const recent = exchanges.filter((e) => e.at >= since && e.method === "GET");
      const lists = recent.filter((e) => /\/deployments$/.test(e.path)).length;
      const singles = recent.filter((e) => ids.some((id) => e.path.endsWith(`/deployments/${id}`))).length;
      expect(lists).toBeGreaterThan(0);
      expect(singles + lists).toBeLessThan(alone);
    } finally {
      await simControl(fireworks, "/steps", steps.previous);
    }
  });
});
