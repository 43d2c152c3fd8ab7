import { afterAll, describe, expect, it } from "vitest";
import { api, type Deployment, deploy, simControl, simState, waitForState } from "../support/api";
import { startReceiver } from "../support/receiver";
import { until } from "../support/until";

type Migrated = Deployment & {
  apiVersion: "v1" | "v2" | null;
  migration: { to: string; endpointId: string | null } | null;
  migratedFrom: {
    apiVersion: string;
    endpointId: string;
    endpointName: string;
    deletedAt: string | null;
  } | null;
};
type Event = {
  kind: string;
  from: string | null;
  to: string | null;
  type: string | null;
  reason: string | null;
};

const CATALOG = "Qwen/Qwen2.5-7B-Instruct";
const get = async (id: string) => (await api(`/v1/deployments/${id}`)).body as unknown as Migrated;

/** Chat requests through Hangar's proxy, a few at a time, until stopped: every answer is kept. */
function traffic(id: string, concurrency = 4) {
  const answers: { status: number; model?: string; body: string }[] = [];
  let running = true;
  const loop = async (i: number) => {
    while (running) {
      const path = i % 2 ? `/v1/deployments/${id}/chat/completions` : "/openai/v1/chat/completions";
      const res = await api(path, { body: { model: id, messages: [{ role: "user", content: "Hi" }] } });
      answers.push({
        status: res.status,
        model: res.body.model as string | undefined,
        body: res.text.slice(0, 300),
      });
    }
  };
  const loops = Array.from({ length: concurrency }, (_, i) => loop(i));
  return {
    answers,
    /** Resolves once `n` more answers have come back. */
    more: (n: number) => {
      const target = answers.length + n;
      return until(
        async () => answers.length,
        (count) => count >= target,
        `fewer than ${n} more answers`,
      );
    },
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

describe("migrating a Together deployment from v1 to v2", () => {
  const receiver = startReceiver();
  afterAll(async () => (await receiver).close());

  async function failureHooks() {
    const hooks = await receiver;
    await api("/v1/webhooks", { body: { url: hooks.url, events: ["deployment.migration_failed"] } });
    return hooks;
  }

  /**
   * A ready v1 deployment on A100s, migrated while v2 has no A100 left: its v2 deployment can't
   * come up. Capacity, and any fault injected meanwhile, are put back after `run`.
   */
  async function withNoV2Room(run: (dep: Deployment, oldName: string | undefined) => Promise<void>) {
    const dep = await deploy({
      apiVersion: "v1",
      model: { source: CATALOG },
      hardware: "1x_nvidia_a100_80gb_sxm",
    });
    await waitForState(dep.id, "ready");
    const oldName = (await get(dep.id)).endpoint?.name;
    const regions = { ...(await simState()).v2.capacity["nvidia-a100-80gb"] };
    for (const region of Object.keys(regions))
      await simControl("/capacity", { accelerator: "nvidia-a100-80gb", region, gpus: 0 });
    try {
      await run(dep, oldName);
    } finally {
      await simControl("/faults", undefined, "DELETE");
      for (const [region, gpus] of Object.entries(regions))
        await simControl("/capacity", { accelerator: "nvidia-a100-80gb", region, gpus });
    }
  }

  it("moves a v1 deployment under continuous traffic to v2 with no failed proxied request, then deletes v1", async () => {
    const hooks = await receiver;
    await api("/v1/webhooks", { body: { url: hooks.url, events: ["deployment.migrated"] } });
    const dep = await deploy({ apiVersion: "v1", model: { source: CATALOG } });
    await waitForState(dep.id, "ready");
    const before = await get(dep.id);
    expect(before.apiVersion).toBe("v1");
    const oldName = before.endpoint?.name as string;
    const oldId = before.upstream.endpointId as string;
    const leftToMigrate = await api("/v1/deployments?provider=together&apiVersion=v1&limit=100");
    expect((leftToMigrate.body.data as { id: string }[]).map((d) => d.id)).toContain(dep.id);

    const load = traffic(dep.id);
    await load.more(10);
    const accepted = await api(`/v1/deployments/${dep.id}/migrate`, { body: { drainSeconds: 2 } });
    expect(accepted.status).toBe(202);
    expect((accepted.body as unknown as Migrated).migration?.to).toBe("v2");
    expect(accepted.body.state).toBe("ready");

    const hook = await hooks.waitFor(
      (r) => r.json.type === "deployment.migrated" && r.json.data.id === dep.id,
      60_000,
    );
    const data = hook.json.data as unknown as Migrated;
    expect(data.migratedFrom?.endpointName).toBe(oldName);
    expect(data.migratedFrom?.apiVersion).toBe("v1");
    expect(data.endpoint?.name).not.toBe(oldName);
    expect(data.apiVersion).toBe("v2");
    expect(data.state).toBe("ready");
    const newName = data.endpoint?.name as string;

    // The drain ends, the v1 endpoint goes, and traffic keeps flowing on v2 past it.
    const after = await until(
      () => get(dep.id),
      (d) => !!d.migratedFrom?.deletedAt,
      "v1 endpoint never deleted",
    );
    await load.more(10);
    const answers = await load.stop();

    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const served = new Set(answers.map((a) => a.model));
    expect(served).toContain(oldName);
    expect(served).toContain(newName);
    expect(after.endpoint?.name).toBe(newName);
    expect(after.state).toBe("ready");
    const v1 = (await simState()).endpoints.find((e) => e.id === oldId);
    expect(v1 === undefined || v1.deleted).toBe(true);

    const onV2 = await api("/v1/deployments?provider=together&apiVersion=v2&limit=100");
    expect((onV2.body.data as { id: string }[]).map((d) => d.id)).toContain(dep.id);
    const history = (await api(`/v1/deployments/${dep.id}/events?kind=hangar`)).body.data as Event[];
    expect(history.find((e) => e.type === "deployment.migrated")).toMatchObject({
      from: "ready",
      to: "ready",
      type: "deployment.migrated",
      reason: "migrated",
    });

    const again = await api(`/v1/deployments/${dep.id}/migrate`, { body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "deployment.already_migrated" });
  });

  it("keeps serving on v1 with the reason recorded when the v2 deployment fails", async () => {
    const hooks = await failureHooks();
    // The new deployment can't come up, so it is still there to fail.
    await withNoV2Room(async (dep, oldName) => {
      expect((await api(`/v1/deployments/${dep.id}/migrate`, { body: {} })).status).toBe(202);
      const migrating = await until(
        () => get(dep.id),
        (d) => !!d.migration?.endpointId,
        "no v2 deployment",
      );
      const v2Deployment = String(migrating.migration?.endpointId).split("/")[1];
      await simControl(`/deployments/${v2Deployment}/fail`, { message: "Timed out waiting for readiness" });

      const hook = await hooks.waitFor(
        (r) => r.json.type === "deployment.migration_failed" && r.json.data.id === dep.id,
        60_000,
      );
      const data = hook.json.data as unknown as Migrated;
      expect(data.state).toBe("ready");
      expect(data.apiVersion).toBe("v1");
      expect(data.endpoint?.name).toBe(oldName);
      expect(data.lastError).toMatchObject({ code: "migration.failed" });
      expect(data.lastError?.message).toMatch(/FAILED|failed/);
      expect(data.migration).toBeNull();

      const chat = await api(`/v1/deployments/${dep.id}/chat/completions`, {
        body: { messages: [{ role: "user", content: "Still on v1?" }] },
      });
      expect(chat.status).toBe(200);
      expect(chat.body.model).toBe(oldName);
      const history = (await api(`/v1/deployments/${dep.id}/events?kind=hangar`)).body.data as Event[];
      expect(history.find((e) => e.type === "deployment.migration_failed")).toMatchObject({
        from: "ready",
        to: "ready",
        reason: "migration.failed",
      });
    });
  });

  it("abandons a v2 deployment that doesn't serve by the deadline, deleting it step by step while v1 serves", async () => {
    const hooks = await failureHooks();
    // The new deployment stays DEGRADED with nothing ready, past the deadline.
    await withNoV2Room(async (dep, oldName) => {
      // Its deletion is held at the last step, so the deployment is seen still retiring it.
      const deleteRoute = "DELETE /v2/projects/:projectId/endpoints/:endpointId/deployments/:deploymentId";
      await simControl("/faults", { route: deleteRoute, rates: { "500": 1 } });
      const started = Date.now();
      const accepted = await api(`/v1/deployments/${dep.id}/migrate`, { body: { timeoutSeconds: 10 } });
      expect(accepted.status).toBe(202);
      const migrating = await until(
        () => get(dep.id),
        (d) => !!d.migration?.endpointId,
        "no v2 deployment",
      );
      const deadline = (migrating.migration as unknown as { deadline: string }).deadline;
      expect(Date.parse(deadline) - started).toBeGreaterThanOrEqual(9_000);
      expect(Date.parse(deadline) - started).toBeLessThanOrEqual(11_000);
      const v2Deployment = String(migrating.migration?.endpointId).split("/")[1];

      const hook = await hooks.waitFor(
        (r) => r.json.type === "deployment.migration_failed" && r.json.data.id === dep.id,
        60_000,
      );
      expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(deadline));
      const data = hook.json.data as unknown as Migrated;
      expect(data).toMatchObject({ state: "ready", apiVersion: "v1", migration: null });
      expect(data.lastError?.message).toMatch(/at the deadline/);
      const chat = await api(`/v1/deployments/${dep.id}/chat/completions`, {
        body: { messages: [{ role: "user", content: "Still on v1?" }] },
      });
      expect(chat.status).toBe(200);
      expect(chat.body.model).toBe(oldName);

      // Stopped first (v2 deletes only a stopped deployment), then held at its delete.
      await until(
        async () => (await simState()).v2.deployments.find((d) => d.id === v2Deployment),
        (d) => d?.status.state === "DEPLOYMENT_STATE_STOPPED",
        "the abandoned v2 deployment never stopped",
      );
      const again = await api(`/v1/deployments/${dep.id}/migrate`, { body: {} });
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: "deployment.retiring_endpoint" });

      await simControl("/faults", undefined, "DELETE");
      await until(
        () => simState(),
        (state) =>
          !state.v2.deployments.some((d) => d.id === v2Deployment) &&
          !state.v2.endpoints.some((e) => e.id === String(migrating.migration?.endpointId).split("/")[0]),
        "the abandoned v2 endpoint was never deleted",
      );
      await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
    });
  });

  it("refuses what can't be migrated before writing anything, saying what to do", async () => {
    const fireworks = await deploy({
      provider: "fireworks",
      model: { source: "accounts/fireworks/models/llama-v3p1-8b-instruct" },
      hardware: "1x_nvidia_h100_80gb",
    });
    const notTogether = await api(`/v1/deployments/${fireworks.id}/migrate`, { body: {} });
    expect(notTogether.status).toBe(422);
    expect(notTogether.body.error).toMatchObject({ code: "deployment.migration_unsupported" });

    const onV2 = await deploy({ apiVersion: "v2", model: { source: CATALOG } });
    await waitForState(onV2.id, "ready");
    const already = await api(`/v1/deployments/${onV2.id}/migrate`, { body: {} });
    expect(already.status).toBe(409);
    expect(already.body.error).toMatchObject({ code: "deployment.already_migrated" });

    const stopped = await deploy({ apiVersion: "v1", model: { source: CATALOG } });
    await waitForState(stopped.id, "ready");
    await api(`/v1/deployments/${stopped.id}/stop`, { method: "POST" });
    await waitForState(stopped.id, "stopped");
    const version = (await get(stopped.id)).version;
    const refused = await api(`/v1/deployments/${stopped.id}/migrate`, { body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: "deployment.invalid_state",
      details: { state: "stopped" },
    });
    expect((refused.body.error as { message: string }).message).toMatch(/start it/);
    expect((await get(stopped.id)).version).toBe(version);

    await api(`/v1/deployments/${stopped.id}`, { method: "DELETE" });
    await waitForState(stopped.id, "deleted");
    const gone = await api(`/v1/deployments/${stopped.id}/migrate`, { body: {} });
    expect(gone.status).toBe(409);
    expect(gone.body.error).toMatchObject({
      code: "deployment.invalid_state",
      details: { state: "deleted" },
    });

    for (const body of [{ drainSeconds: -1 }, { timeoutSeconds: 5 }, { timeoutSeconds: 6 * 3600 + 1 }]) {
      const bad = await api(`/v1/deployments/${onV2.id}/migrate`, { body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
  });
});
