import { withActor } from "@hangar/core/actor";
import * as ApiKey from "@hangar/core/apikey/index";
import * as Deployment from "@hangar/core/deployment/index";
import { describe, expect, it } from "vitest";
import { api, deploy, waitForState } from "../support/api";
import { startReceiver } from "../support/receiver";

const MINUTE = 60_000;
const sweep = (at: number) => withActor({ type: "system" }, () => Deployment.sweepPolicies(new Date(at)));
const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);
const weekday = (t: number) => ["sun", "mon", "tue", "wed", "thu", "fri", "sat"][new Date(t).getUTCDay()];
const catalog = { model: { source: "Qwen/Qwen2.5-7B-Instruct" } };

describe("schedules and leases", () => {
  it("starts a stopped deployment before its window and stops it after, unless a lease holds it", async () => {
    const receiver = await startReceiver();
    await api("/v1/webhooks", { body: { url: receiver.url, events: ["deployment.stopped"] } });
    // A window that opens in an hour and lasts an hour, in UTC, whatever the time now.
    const opens = Math.ceil((Date.now() + 60 * MINUTE) / MINUTE) * MINUTE;
    const closes = opens + 60 * MINUTE;
    const schedule = {
      timezone: "UTC",
      windows: [{ days: [weekday(opens)], start: hhmm(opens), end: hhmm(closes) }],
      startLeadMinutes: 10,
    };
    const dep = await deploy({ ...catalog, schedule });
    await waitForState(dep.id, "ready");
    await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    const stopped = await waitForState(dep.id, "stopped");
    expect(stopped.nextActions).toEqual([
      {
        action: "start",
        at: new Date(opens - 10 * MINUTE).toISOString(),
        reason: expect.stringMatching(/^schedule: inside/),
      },
    ]);

    expect((await sweep(opens - 11 * MINUTE)).started).toBe(0);
    expect((await sweep(opens - 9 * MINUTE)).started).toBe(1);
    const up = await waitForState(dep.id, "ready");
    expect(up.nextActions[0]).toMatchObject({ action: "stop", at: new Date(closes).toISOString() });

    // A lease past the window's end defers the scheduled stop to the lease's end.
    const until = new Date(closes + 30 * MINUTE).toISOString();
    const lease = await api(`/v1/deployments/${dep.id}/leases`, {
      body: { until, reason: "demo for a customer" },
    });
    expect(lease.status).toBe(201);
    expect(lease.body.id).toMatch(/^lse_/);
    expect((await sweep(closes + MINUTE)).stopped).toBe(0);
    const preview = await api(
      `/v1/stops/preview?withinMinutes=${Math.ceil((closes + 40 * MINUTE - Date.now()) / MINUTE)}`,
    );
    expect(preview.body.data).toContainEqual(
      expect.objectContaining({ deploymentId: dep.id, action: "stop", at: until }),
    );

    expect(
      (await api(`/v1/deployments/${dep.id}/leases/${lease.body.id}`, { method: "DELETE" })).status,
    ).toBe(204);
    expect((await sweep(closes + 2 * MINUTE)).stopped).toBe(1);
    const after = await waitForState(dep.id, "stopped");
    expect(after.stopReason).toBe(`schedule: outside ${weekday(opens)} ${hhmm(opens)}–${hhmm(closes)} UTC`);
    const hook = await receiver.waitFor(
      (r) => r.json.data.id === dep.id && r.json.data.stopReason !== "manual",
    );
    expect(hook.json.data.stopReason).toBe(after.stopReason);
    await receiver.close();
  });

  it("refuses a schedule it can't read, saying how to write it", async () => {
    const res = await api("/v1/deployments", {
      body: {
        provider: "together",
        ...catalog,
        hardware: "1x_nvidia_h100_80gb_sxm",
        schedule: { timezone: "Mars/Base", windows: [] },
      },
    });
    expect(res.status).toBe(400);
    expect((res.body.error as { message: string }).message).toMatch(/IANA/);
  });
});

describe("idle warning and second stage", () => {
  it("warns once before an idle stop, then stops, and deletes after the days stopped", async () => {
    const receiver = await startReceiver();
    await api("/v1/webhooks", {
      body: { url: receiver.url, events: ["deployment.idle_warning", "deployment.deleted"] },
    });
    // Together v1: idle from proxy and heartbeats alone (provider-measured activity: activity.test.ts).
    const dep = await deploy({
      ...catalog,
      apiVersion: "v1",
      idleTimeoutMinutes: 10,
      idlePolicy: { warnBeforeMinutes: 5, deleteAfterStoppedDays: 2 },
    });
    const ready = await waitForState(dep.id, "ready");
    const stopAt = Date.parse(ready.nextActions.find((a) => a.action === "stop")?.at ?? "");

    expect((await sweep(stopAt - 4 * MINUTE)).warned).toBe(1);
    expect((await sweep(stopAt - 3 * MINUTE)).warned).toBe(0);
    const warning = await receiver.waitFor(
      (r) => r.json.type === "deployment.idle_warning" && r.json.data.deploymentId === dep.id,
    );
    expect(warning.json.data.idleAt).toBe(new Date(stopAt).toISOString());
    expect(typeof warning.json.sequence).toBe("number");

    expect((await sweep(stopAt + MINUTE)).stopped).toBe(1);
    const stopped = await waitForState(dep.id, "stopped");
    expect(stopped.stopReason).toBe("idle: no activity for 10 min");

    const deleteAt = Date.parse(stopped.nextActions.find((a) => a.action === "delete")?.at ?? "");
    expect(deleteAt - Date.now()).toBeGreaterThan(47 * 60 * MINUTE);
    expect((await sweep(deleteAt + MINUTE)).deleted).toBe(1);
    await waitForState(dep.id, "deleted");
    const gone = await receiver.waitFor(
      (r) => r.json.type === "deployment.deleted" && r.json.data.id === dep.id,
    );
    expect(gone.json.data.state).toBe("deleted");
    await receiver.close();
  });
});

describe("tenant defaults", () => {
  it("applies the tenant's idle policy to deployments that don't set one", async () => {
    const key = (await ApiKey.create({ tenantId: `ten_defaults_${Date.now()}` })).key;
    const saved = await api("/v1/settings", {
      method: "PUT",
      key,
      body: { idleTimeoutMinutes: 45, idlePolicy: { graceMinutes: 60 } },
    });
    expect(saved.status).toBe(200);
    const inherits = await deploy(catalog, key);
    const own = await deploy({ ...catalog, idleTimeoutMinutes: null }, key);
    const got = await api(`/v1/deployments/${inherits.id}`, { key });
    expect(got.body.idleTimeoutMinutes).toBe(45);
    expect(got.body.idlePolicy).toMatchObject({ graceMinutes: 60 });
    expect((await api(`/v1/deployments/${own.id}`, { key })).body.idleTimeoutMinutes).toBeNull();
  });
});
