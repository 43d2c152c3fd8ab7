import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, type Deployment, deploy, waitForState } from "../support/api";
import { clearFaults, faults, providers } from "../support/providers";
import { subscribedReceiver } from "../support/receiver";

type Event = { from: string | null; to: string; reason: string | null; sequence: number };

async function moves(id: string, after: number) {
  const all = (await api(`/v1/deployments/${id}/events?kind=hangar`)).body.data as Event[];
  return all
    .filter((e) => e.sequence > after)
    .sort((a, b) => a.sequence - b.sequence)
    .map((e) => `${e.from}→${e.to} ${e.reason ?? ""}`.trim());
}

/** An adapter has no endpoint of its own: it stops, starts and goes with its base, at once. */
describe.each(providers)("adapters following their base on $provider", (p) => {
  let receiver: Awaited<ReturnType<typeof subscribedReceiver>>;

  beforeAll(async () => {
    receiver = await subscribedReceiver();
  });
  afterAll(async () => {
    await receiver.unsubscribe();
  });

  async function baseWithAdapter() {
    const base = await deploy({
      provider: p.provider,
      hardware: p.hardware,
      model: { source: p.catalog },
      allowAdapters: true,
    });
    await waitForState(base.id, "ready");
    const adapter = await deploy({
      provider: p.provider,
      model: { source: p.adapter.source, type: "adapter", baseDeploymentId: base.id },
    });
    return { base, adapter: await waitForState(adapter.id, "ready", { timeoutMs: 90_000 }) };
  }

  const chat = (id: string) =>
    api(`/v1/deployments/${id}/chat/completions`, { body: { messages: [{ role: "user", content: "hi" }] } });

  it("stops with its base (reason base_stopped, with a webhook), refuses traffic in Hangar's shape, and starts with it", async () => {
    const { base, adapter } = await baseWithAdapter();
    expect((await api(`/v1/deployments/${base.id}/stop`, { method: "POST" })).status).toBe(202);
    // At once: the adapter moved in the same request as its base.
    const now = (await api(`/v1/deployments/${adapter.id}`)).body as unknown as Deployment;
    expect(now.state).toBe("stopping");
    expect(now.stopReason).toBe("base_stopped");

    const stopped = await waitForState(adapter.id, "stopped");
    expect(stopped.stopReason).toBe("base_stopped");
    const hook = await receiver.waitFor(
      (r) => r.json.type === "deployment.stopped" && r.json.data.id === adapter.id,
    );
    expect(hook.json.data.stopReason).toBe("base_stopped");

    const refused = await chat(adapter.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: "deployment.not_ready" } });

    await waitForState(base.id, "stopped");
    expect((await api(`/v1/deployments/${base.id}/start`, { method: "POST" })).status).toBe(202);
    await waitForState(adapter.id, "ready", { timeoutMs: 90_000 });
    await receiver.waitFor((r) => r.json.type === "deployment.started" && r.json.data.id === adapter.id);
    expect((await chat(adapter.id)).status).toBe(200);

    expect(await moves(adapter.id, adapter.version)).toEqual([
      "ready→stopping base_stopped",
      "stopping→stopped base_stopped",
      "stopped→starting base_started",
      "starting→ready",
    ]);
    await api(`/v1/deployments/${base.id}?cascade=true`, { method: "DELETE" });
  });

  it("refuses to delete a base with adapters, listing them, and deletes both with cascade", async () => {
    const { base, adapter } = await baseWithAdapter();
    const refused = await api(`/v1/deployments/${base.id}`, { method: "DELETE" });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: { code: "deployment.has_adapters", details: { adapters: [{ id: adapter.id, state: "ready" }] } },
    });
    expect((await api(`/v1/deployments/${base.id}`)).body.state).toBe("ready");

    expect((await api(`/v1/deployments/${base.id}?cascade=true`, { method: "DELETE" })).status).toBe(202);
    await waitForState(base.id, "deleted");
    await waitForState(adapter.id, "deleted");
    const hook = await receiver.waitFor(
      (r) => r.json.type === "deployment.deleted" && r.json.data.id === adapter.id,
    );
    expect(hook.json.data.stopReason).toBe("base_deleted");
    expect(await moves(adapter.id, adapter.version)).toEqual([
      "ready→deleting base_deleted",
      "deleting→deleted base_deleted",
    ]);
    expect((await p.liveEndpoints()).filter((name) => name.startsWith(`hangar-${base.id}`))).toEqual([]);
  });

  it("answers a provider's failure in Hangar's error shape, with the provider's answer under details", async () => {
    const { base, adapter } = await baseWithAdapter();
    await fetch(`${p.simUrl}/_sim/exchanges`, { method: "DELETE" });
    expect((await chat(adapter.id)).status).toBe(200);
    const log = (await (await fetch(`${p.simUrl}/_sim/exchanges`)).json()) as Record<
      string,
      { route: string }[]
    >;
    const route = (log.data ?? log.exchanges ?? []).find((x) => x.route.endsWith("/chat/completions"))?.route;
    await faults(p, { route, rates: { "500": 1 } });
    try {
      const failed = await chat(adapter.id);
      expect(failed.status).toBe(502);
      expect(failed.body).toMatchObject({
        error: { code: "provider.unavailable", details: { provider: p.provider, status: 500 } },
      });
      expect((failed.body.error as { details: { body: unknown } }).details.body).toBeTruthy();
    } finally {
      await clearFaults(p);
    }
    await api(`/v1/deployments/${base.id}?cascade=true`, { method: "DELETE" });
  });

  it("lets a base without live adapters be deleted as before", async () => {
    const { base, adapter } = await baseWithAdapter();
    await api(`/v1/deployments/${adapter.id}`, { method: "DELETE" });
    await waitForState(adapter.id, "deleted");
    expect((await api(`/v1/deployments/${base.id}`, { method: "DELETE" })).status).toBe(202);
    await waitForState(base.id, "deleted");
  });
});
