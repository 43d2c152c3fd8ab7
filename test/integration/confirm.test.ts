import { useProvider } from "@hangar/core/provider/lookup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, deploy, waitForState } from "../support/api";
import { providers, simControl } from "../support/providers";
import { subscribedReceiver } from "../support/receiver";
import { found } from "../support/until";

type Event = {
  from: string | null;
  to: string;
  reason: string | null;
  message: string | null;
  sequence: number;
};
type Unconfirmed = { action: string; since: string; observed: string; retries: number } | null;

async function events(id: string) {
  const all = (await api(`/v1/deployments/${id}/events`)).body.data as Event[];
  return all.sort((a, b) => a.sequence - b.sequence);
}

/** Polls until `check` answers something; fails with the last answer otherwise. */
/**
 * A stop counts once the provider reports the endpoint stopped with no replica serving. The
 * stack runs with HANGAR_CONFIRM_STOP_MINUTES=0.1 (test/setup/global.ts): 6 s instead of 10 min.
 */
describe.each(providers)("confirmed stops on $provider", (p) => {
  const body = { provider: p.provider, hardware: p.hardware, model: { source: p.catalog } };
  let receiver: Awaited<ReturnType<typeof subscribedReceiver>>;

  beforeAll(async () => {
    receiver = await subscribedReceiver();
  });

  afterAll(async () => {
    await simControl(p, "/stops/ignore-next", { count: 0 });
    await simControl(p, "/deletes/ignore-next", { count: 0 });
    await receiver.unsubscribe();
  });

  const notices = (type: string, id: string) =>
    receiver.received.filter((r) => r.json.type === type && r.json.data.deploymentId === id);

  it("reports a stop the provider acknowledges but ignores as deployment.stop_unconfirmed, asks again, and stops once that holds", async () => {
    const dep = await deploy(body);
    await waitForState(dep.id, "ready");
    // The stop and its first retry are acknowledged and ignored; the second retry holds.
    await simControl(p, "/stops/ignore-next", { count: 2 });
    expect((await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" })).status).toBe(202);

    const hook = await receiver.waitFor(
      (r) => r.json.type === "deployment.stop_unconfirmed" && r.json.data.deploymentId === dep.id,
    );
    expect(hook.json.data).toMatchObject({
      action: "stop",
      boundMinutes: 0.1,
      observed: { state: "running" },
    });
    expect(typeof hook.json.sequence).toBe("number");

    // Until the provider confirms, the deployment stays stopping (billed) and says so.
    const shown = await found("the deployment to show the stop unconfirmed", async () => {
      const info = (await api(`/v1/deployments/${dep.id}`)).body as {
        state: string;
        unconfirmed: Unconfirmed;
      };
      return info.unconfirmed ? info : undefined;
    });
    expect(shown.state).toBe("stopping");
    expect(shown.unconfirmed).toMatchObject({ action: "stop", observed: expect.any(String) });

    const stopped = (await waitForState(dep.id, "stopped")) as unknown as { unconfirmed: Unconfirmed };
    expect(stopped.unconfirmed).toBeNull();
    expect(await p.endpoint(`hangar-${dep.id}`)).toMatchObject({ stopped: true });
    const confirmed = (await events(dep.id)).filter((e) => e.to === "stopped");
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]?.reason).toBe("manual");
    expect(confirmed[0]?.message).toMatch(/confirmed after Hangar asked 3 times/);
    expect(notices("deployment.stop_unconfirmed", dep.id)).toHaveLength(1);
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("stops again, with the notice, an endpoint the provider runs again right after its stop", async () => {
    const dep = await deploy(body);
    const ready = await waitForState(dep.id, "ready");
    await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    const stopped = await waitForState(dep.id, "stopped");

    // The provider brings it back on its own (as a stop that didn't hold would look).
    await (await useProvider(p.provider)).startEndpoint(ready.upstream.endpointId as string, {
      autoscaling: ready.autoscaling,
    });
    const hook = await receiver.waitFor(
      (r) => r.json.type === "deployment.stop_unconfirmed" && r.json.data.deploymentId === dep.id,
    );
    expect(hook.json.data).toMatchObject({ action: "stop" });

    const again = await found("the stop asked again to hold", async () => {
      const after = (await events(dep.id)).filter((e) => e.sequence > stopped.version);
      return after.some((e) => e.to === "stopped") ? after : undefined;
    });
    expect(again.map((e) => `${e.from}→${e.to}`)).toEqual(["stopped→stopping", "stopping→stopped"]);
    expect(again[0]?.reason).toMatch(/^stop_unconfirmed: /);
    expect(again[1]?.reason).toBe("manual");
    expect(await p.endpoint(`hangar-${dep.id}`)).toMatchObject({ stopped: true });
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("reports a delete the provider acknowledges but doesn't do as deployment.delete_unconfirmed, and ends deleted once it does", async () => {
    const dep = await deploy(body);
    await waitForState(dep.id, "ready");
    // Every delete is ignored until the control is reset (deleting asks on every look).
    await simControl(p, "/deletes/ignore-next", { count: 1000 });
    expect((await api(`/v1/deployments/${dep.id}`, { method: "DELETE" })).status).toBe(202);

    const hook = await receiver.waitFor(
      (r) => r.json.type === "deployment.delete_unconfirmed" && r.json.data.deploymentId === dep.id,
    );
    expect(hook.json.data).toMatchObject({ action: "delete", boundMinutes: 0.1 });
    const shown = await found("the deployment to show the delete unconfirmed", async () => {
      const info = (await api(`/v1/deployments/${dep.id}`)).body as {
        state: string;
        unconfirmed: Unconfirmed;
      };
      return info.unconfirmed ? info : undefined;
    });
    expect(shown).toMatchObject({ state: "deleting", unconfirmed: { action: "delete" } });
    expect(await p.liveEndpoints()).toContain(`hangar-${dep.id}`);

    await simControl(p, "/deletes/ignore-next", { count: 0 });
    const deleted = (await waitForState(dep.id, "deleted")) as unknown as { unconfirmed: Unconfirmed };
    expect(deleted.unconfirmed).toBeNull();
    expect(await p.liveEndpoints()).not.toContain(`hangar-${dep.id}`);
    expect(notices("deployment.delete_unconfirmed", dep.id)).toHaveLength(1);
  });

  it("still refuses a stop request for a deployment already stopped", async () => {
    const dep = await deploy(body);
    await waitForState(dep.id, "ready");
    await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    await waitForState(dep.id, "stopped");
    const res = await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    expect(res.status).toBe(409);
    expect((res.body.error as { code: string }).code).toBe("deployment.invalid_state");
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });
});
