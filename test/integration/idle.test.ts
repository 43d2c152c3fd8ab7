import { withActor } from "@hangar/core/actor";
import * as Deployment from "@hangar/core/deployment/index";
import { describe, expect, it } from "vitest";
import { api, deploy, waitForState } from "../support/api";
import { startReceiver } from "../support/receiver";

/**
 * These cover the proxy and heartbeat sources alone: Together v1 measures no traffic itself (v2
 * and Fireworks do; their provider source and its fail-safe are in activity.test.ts).
 */
const proxyOnly = { model: { source: "Qwen/Qwen2.5-7B-Instruct" }, apiVersion: "v1" };
const minutes = (n: number) => new Date(Date.now() + n * 60_000);
const system = <T>(cb: () => Promise<T>) => withActor({ type: "system" }, cb);

describe("idle stop", () => {
  it("stops a deployment idle past its timeout, records why, and says so in the webhook", async () => {
    const receiver = await startReceiver();
    await api("/v1/webhooks", { body: { url: receiver.url, events: ["deployment.stopped"] } });
    const dep = await deploy({ ...proxyOnly, idleTimeoutMinutes: 5 });
    await waitForState(dep.id, "ready");

    // Not yet: the timeout counts from when the endpoint became ready.
    await system(() => Deployment.sweepPolicies(minutes(4)));
    expect((await api(`/v1/deployments/${dep.id}`)).body.state).toBe("ready");

    await system(() => Deployment.sweepPolicies(minutes(6)));
    const stopped = await waitForState(dep.id, "stopped");
    expect(stopped.stopReason).toBe("idle: no activity for 5 min");
    const hook = await receiver.waitFor((r) => r.json.data.id === dep.id);
    expect(hook.json.data.stopReason).toBe(stopped.stopReason);
    await receiver.close();
  });

  it("keeps a deployment with recent traffic, and ignores smoke tests", async () => {
    const dep = await deploy({ ...proxyOnly, idleTimeoutMinutes: 5 });
    await waitForState(dep.id, "ready");
    expect((await api(`/v1/deployments/${dep.id}/test`, { body: {} })).status).toBe(200);
    expect((await api(`/v1/deployments/${dep.id}`)).body.lastActivityAt).toBeNull();

    const beat = await api(`/v1/deployments/${dep.id}/activity`, { method: "POST" });
    expect(beat.status).toBe(202);
    expect(beat.body.recorded).toBe(true);
    // A second heartbeat inside the write interval is accepted but not written.
    expect((await api(`/v1/deployments/${dep.id}/activity`, { method: "POST" })).body.recorded).toBe(false);
    const seen = (await api(`/v1/deployments/${dep.id}`)).body;
    expect(seen.activity).toEqual({ proxy: null, heartbeat: seen.lastActivityAt, provider: null });

    await system(() => Deployment.sweepPolicies(minutes(4)));
    expect((await api(`/v1/deployments/${dep.id}`)).body.state).toBe("ready");
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("never stops a deployment without an idle timeout", async () => {
    const dep = await deploy(proxyOnly);
    await waitForState(dep.id, "ready");
    await system(() => Deployment.sweepPolicies(minutes(60 * 24 * 30)));
    expect((await api(`/v1/deployments/${dep.id}`)).body.state).toBe("ready");
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });
});
