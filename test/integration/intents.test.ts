import { withActor } from "@hangar/core/actor";
import * as Cost from "@hangar/core/cost/index";
import { afterEach, describe, expect, it } from "vitest";
import { api, type Deployment, deploy, waitForState } from "../support/api";
import { clearFaults, faults, providers } from "../support/providers";
import { stack } from "../support/stack";
import { found } from "../support/until";

type Event = { from: string | null; to: string; reason: string | null; sequence: number };
type Desired = { state: string; autoscaling: { minReplicas: number; maxReplicas: number }; hardware: string };

const asTenant = <T>(cb: () => Promise<T>) =>
  withActor({ type: "tenant", tenantId: stack.tenantId, keyId: "test" }, cb);

async function events(id: string, after = 0) {
  const all = (await api(`/v1/deployments/${id}/events?kind=hangar`)).body.data as Event[];
  return all.filter((e) => e.sequence > after).sort((a, b) => a.sequence - b.sequence);
}

const post = (id: string, action: string) => api(`/v1/deployments/${id}/${action}`, { method: "POST" });
const patch = (id: string, body: unknown) => api(`/v1/deployments/${id}`, { method: "PATCH", body });

/** Requests are intents: the last one wins, and the provider ends where the record says. */
describe.each(providers)("requests as intents on $provider", (p) => {
  const body = { provider: p.provider, hardware: p.hardware, model: { source: p.catalog } };
  const ready = async () => {
    const dep = await deploy(body);
    return waitForState(dep.id, "ready");
  };
  const two = { minReplicas: 2, maxReplicas: 2 };

  afterEach(async () => {
    await clearFaults(p);
  });

  it("keeps a scale asked for just before a stop and a start: the provider runs it, the record and cost count it", async () => {
    const dep = await ready();
    const scaled = await patch(dep.id, { autoscaling: two });
    expect(scaled.status).toBe(202);
    expect((scaled.body.desired as Desired).autoscaling).toEqual(two);
    expect((await post(dep.id, "stop")).status).toBe(202);
    const started = await post(dep.id, "start");
    expect(started.status).toBe(202);
    expect(started.body.desired).toMatchObject({ state: "running", autoscaling: two });

    const settled = await waitForState(dep.id, "ready");
    expect(settled.autoscaling).toEqual(two);
    expect(await p.endpoint(`hangar-${dep.id}`)).toMatchObject({ serving: true, ...two });

    // An hour more of ready is two replica-hours: cost rests on what the provider runs.
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const now = await asTenant(() => Cost.deployment({ from }, dep.id, Date.now()));
    const later = await asTenant(() => Cost.deployment({ from }, dep.id, Date.now() + 3_600_000));
    expect(later.replicaHours - now.replicaHours).toBeCloseTo(2, 1);
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("keeps a scale asked for before a stop for the next start", async () => {
    const dep = await ready();
    expect((await patch(dep.id, { autoscaling: two })).status).toBe(202);
    expect((await post(dep.id, "stop")).status).toBe(202);
    const stopped = await waitForState(dep.id, "stopped");
    expect((stopped as Deployment & { desired: Desired }).desired).toMatchObject({
      state: "stopped",
      autoscaling: two,
    });
    expect(await p.endpoint(`hangar-${dep.id}`)).toMatchObject({ stopped: true });
    expect((await post(dep.id, "start")).status).toBe(202);
    expect((await waitForState(dep.id, "ready")).autoscaling).toEqual(two);
    expect(await p.endpoint(`hangar-${dep.id}`)).toMatchObject({ serving: true, ...two });
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("ends running when a start comes while the stop is still under way", async () => {
    const dep = await ready();
    const stop = await post(dep.id, "stop");
    expect(stop.body.state).toBe("stopping");
    const start = await post(dep.id, "start");
    expect(start.status).toBe(202);
    expect(start.body.state).toBe("starting");
    await waitForState(dep.id, "ready");
    expect(await p.endpoint(`hangar-${dep.id}`)).toMatchObject({ serving: true });
    const moves = (await events(dep.id, dep.version)).map((e) => `${e.from}→${e.to}`);
    expect(moves.slice(0, 2)).toEqual(["ready→stopping", "stopping→starting"]);
    expect(moves.at(-1)).toBe("starting→ready");
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("accepts the README's scale, stop, start and delete pasted as one, and leaves nothing at the provider", async () => {
    const dep = await ready();
    const answers = [
      await patch(dep.id, { autoscaling: two }),
      await post(dep.id, "stop"),
      await post(dep.id, "start"),
      await api(`/v1/deployments/${dep.id}`, { method: "DELETE" }),
    ];
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202]);
    const deleted = await waitForState(dep.id, "deleted");
    expect((deleted as Deployment & { desired: Desired }).desired.state).toBe("deleted");
    expect((await p.liveEndpoints()).filter((name) => name.startsWith(`hangar-${dep.id}`))).toEqual([]);
  });

  it("refuses to start a deployment that is deleted", async () => {
    const dep = await deploy(body);
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
    await waitForState(dep.id, "deleted");
    const res = await post(dep.id, "start");
    expect(res.status).toBe(409);
    expect((res.body.error as { code: string }).code).toBe("deployment.invalid_state");
  });

  it("acts on a request at once while a replaced step is still inside a slow provider call, then undoes that call's late stop", async () => {
    const dep = await ready();
    await fetch(`${p.simUrl}/_sim/exchanges`, { method: "DELETE" });
    // The stop's first look at the endpoint hangs at the provider, holding that step's lease.
    await faults(p, {
      next: [{ kind: "timeout", route: p.endpointRoute("GET") }],
      hang_ms: 8000,
      hangMs: 8000,
    });
    expect((await post(dep.id, "stop")).status).toBe(202);
    await found("the queued faults to be used", async () => ((await simFaults()).queued ?? []).length === 0);
    expect((await post(dep.id, "start")).status).toBe(202);

    // Ready while the stop's step is still hung: the start did not wait out its lease.
    const back = await waitForState(dep.id, "ready");
    expect((await exchanges()).some((x) => x.status === 504 && x.route === p.endpointRoute("GET"))).toBe(
      false,
    );

    // The hung step then stops the endpoint late; Hangar starts it again, as last asked.
    await found(
      "the hung step's late 504",
      async () => (await exchanges()).some((x) => x.status === 504 && x.route === p.endpointRoute("GET")),
      30_000,
    );
    const converged = await found(
      "the late stop to be converged back to ready",
      async () => {
        const after = await events(dep.id, back.version);
        const i = after.findIndex((e) => e.reason?.startsWith("converge"));
        return i >= 0 && after.slice(i).some((e) => e.to === "ready") ? after : undefined;
      },
      60_000,
    );
    expect(converged.map((e) => `${e.from}→${e.to}`)).toEqual(["ready→updating", "updating→ready"]);
    expect(await p.endpoint(`hangar-${dep.id}`)).toMatchObject({ serving: true });
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  async function simFaults() {
    const res = await fetch(`${p.simUrl}/_sim/state`);
    return ((await res.json()) as { faults: { queued?: unknown[] } }).faults;
  }

  async function exchanges() {
    const res = await fetch(`${p.simUrl}/_sim/exchanges`);
    const json = (await res.json()) as Record<string, { route: string; response: { status: number } }[]>;
    return (json.data ?? json.exchanges ?? []).map((x) => ({ route: x.route, status: x.response.status }));
  }
});
