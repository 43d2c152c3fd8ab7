import { PutCommand } from "@aws-sdk/lib-dynamodb";
import * as ApiKey from "@hangar/core/apikey/index";
import { emitNotice } from "@hangar/core/deployment/index";
import { tableName } from "@hangar/core/store/index";
import { dynamo } from "@hangar/core/util/aws";
import * as Webhook from "@hangar/core/webhook/index";
import { noticeRow } from "@hangar/core/webhook/notice";
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, deploy, type Json, waitForState } from "../support/api";
import { type Received, startReceiver, verifySignature } from "../support/receiver";
import { found } from "../support/until";

/**
 * The stack runs with HANGAR_WEBHOOK_RETRY_BASE_SECONDS=1 and a disable window of 18 s
 * (test/setup/global.ts), so a day of retries and three days of failures fit in a test.
 * Everything here happens in a tenant of its own, away from other files' subscriptions.
 */
const tenantId = `ten_whk_${Date.now()}`;
let key: string;
const as = (path: string, init: Parameters<typeof api>[1] = {}) => api(path, { ...init, key });
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
/** A receiver that answers 503 while `down`, counting what it refused. */
async function flakyReceiver() {
  const state = { down: false, refused: 0 };
  const receiver = await startReceiver({
    status: () => {
      if (!state.down) return 200;
      state.refused++;
      return 503;
    },
  });
  return Object.assign(receiver, { state });
}

async function subscribe(url: string, events: string[] = []) {
  const res = await as("/v1/webhooks", { body: { url, events } });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

const schemaOf = (type: string) =>
  `doc#/webhooks/${encodeURIComponent(type)}/post/requestBody/content/application~1json/schema`;

describe("webhooks with guarantees", () => {
  let receiver: Awaited<ReturnType<typeof flakyReceiver>>;
  let sub: { id: string; secret: string };
  let depId: string;
  const ajv = new Ajv({ strict: false });

  beforeAll(async () => {
    key = (await ApiKey.create({ tenantId })).key;
    receiver = await flakyReceiver();
    sub = await subscribe(receiver.url);
    const doc = await api("/openapi.json", { key: null });
    ajv.addSchema(doc.body, "doc");
  });

  afterAll(async () => {
    await receiver.close();
  });

  const mine = () =>
    receiver.received.filter((r) => r.json.data.deploymentId === depId || r.json.data.id === depId);

  it("still delivers every event after the receiver was down, none lost, none forged, in sequence order", async () => {
    receiver.state.down = true;
    depId = (await deploy({ name: "webhook-guarantees" }, key)).id;
    await waitForState(depId, "ready", { key });
    const emitted = [];
    for (let i = 0; i < 3; i++) {
      emitted.push(
        await emitNotice({
          tenantId,
          type: "deployment.idle_warning",
          deploymentId: depId,
          data: { idleAt: new Date().toISOString(), idleTimeoutMinutes: 30, lastActivityAt: null },
        }),
      );
    }
    expect((await as(`/v1/deployments/${depId}/stop`, { method: "POST" })).status).toBe(202);
    await waitForState(depId, "stopped", { key });
    await found("a refused attempt", () => (receiver.state.refused > 4 ? true : undefined));
    receiver.state.down = false;

    const history = (await as(`/v1/deployments/${depId}/events?kind=hangar`)).body.data as {
      id: string;
      to: string;
      sequence: number;
    }[];
    const stateEvents = history.filter((e) => e.to === "ready" || e.to === "stopped");
    const expected = new Set([...stateEvents.map((e) => e.id), ...emitted.map((e) => e.id)]);
    expect(expected.size).toBe(5);
    await found("every event", () => (mine().length >= expected.size ? true : undefined));

    // A later event of the same deployment takes the next sequence number: had anything been sent
    // twice or emitted in between, it would have a number of its own, and the marker would not be next.
    const marker = await emitNotice({
      tenantId,
      type: "deployment.idle_warning",
      deploymentId: depId,
      data: { idleAt: new Date().toISOString(), idleTimeoutMinutes: 30, lastActivityAt: null },
    });
    const sequenceOf = (r: Received) => Number(r.json.sequence);
    const last = Math.max(...history.map((e) => e.sequence), ...emitted.map((e) => Number(e.sequence)));
    expect(marker.sequence).toBe(last + 1);
    await receiver.waitFor((r) => r.headers["webhook-id"] === marker.id);
    const delivered = mine().map(sequenceOf);
    expect(delivered.sort((a, b) => a - b)).toEqual(
      [...stateEvents.map((e) => e.sequence), ...emitted.map((e) => Number(e.sequence)), last + 1].sort(
        (a, b) => a - b,
      ),
    );

    const got = mine().filter((r) => r.headers["webhook-id"] !== marker.id);
    expect(new Set(got.map((r) => String(r.headers["webhook-id"])))).toEqual(expected);
    expect(got).toHaveLength(expected.size);
    for (const hook of got) {
      expect(verifySignature(sub.secret, hook)).toBe(true);
      expect(ajv.validate({ $ref: schemaOf(hook.json.type) }, hook.json), JSON.stringify(ajv.errors)).toBe(
        true,
      );
    }
    const sequences = got.map((r) => (r.json as Received["json"] & { sequence: number }).sequence);
    const sorted = [...sequences].sort((a, b) => a - b);
    expect(new Set(sorted).size).toBe(sorted.length);
    const byOrder = [...got].sort(
      (a, b) => (a.json as { sequence: number }).sequence - (b.json as { sequence: number }).sequence,
    );
    expect(byOrder.map((r) => r.json.type)).toEqual([
      "deployment.ready",
      "deployment.idle_warning",
      "deployment.idle_warning",
      "deployment.idle_warning",
      "deployment.stopped",
    ]);
  });

  it("shows the failed attempts, then the success, in the delivery log, newest first", async () => {
    const res = await as(`/v1/webhooks/${sub.id}/deliveries?limit=100`);
    expect(res.status).toBe(200);
    const log = res.body.data as {
      eventId: string;
      eventType: string;
      status: string;
      attempts: number;
      lastResponseStatus: number;
      history: { status: number | null; latencyMs: number }[];
    }[];
    expect(log.map((d) => d.eventId)).toEqual(
      log
        .map((d) => d.eventId)
        .sort()
        .reverse(),
    );
    const ready = log.find((d) => d.eventType === "deployment.ready");
    expect(ready?.status).toBe("delivered");
    expect(ready?.attempts).toBeGreaterThan(1);
    expect(ready?.lastResponseStatus).toBe(200);
    expect(ready?.history.slice(0, -1).every((a) => a.status === 503)).toBe(true);
    expect(ready?.history.at(-1)?.status).toBe(200);

    const first = await as(`/v1/webhooks/${sub.id}/deliveries?limit=2`);
    const second = await as(`/v1/webhooks/${sub.id}/deliveries?limit=2&cursor=${first.body.nextCursor}`);
    const ids = [...(first.body.data as Json[]), ...(second.body.data as Json[])].map((d) => d.eventId);
    expect(ids).toEqual(log.slice(0, 4).map((d) => d.eventId));
  });

  it("redelivers a delivered event on request, under the same webhook-id, with a fresh retry budget", async () => {
    const [latest] = (await as(`/v1/webhooks/${sub.id}/deliveries?limit=1`)).body.data as {
      eventId: string;
      attempts: number;
    }[];
    const before = receiver.received.filter((r) => r.headers["webhook-id"] === latest?.eventId).length;
    const res = await as(`/v1/webhooks/${sub.id}/deliveries/${latest?.eventId}/redeliver`, {
      method: "POST",
    });
    expect(res.status).toBe(202);
    expect(res.body.status).toBe("pending");
    await found("the redelivery", () =>
      receiver.received.filter((r) => r.headers["webhook-id"] === latest?.eventId).length > before
        ? true
        : undefined,
    );
    const after = await found("the log to show it", async () => {
      const [row] = (await as(`/v1/webhooks/${sub.id}/deliveries?limit=1`)).body.data as Json[];
      return row?.status === "delivered" ? row : undefined;
    });
    expect(after.attempts).toBe((latest?.attempts ?? 0) + 1);
    const missing = await as(`/v1/webhooks/${sub.id}/deliveries/evt_01jd4k2z5x8q3w6e9r0t1y2u3i/redeliver`, {
      method: "POST",
    });
    expect(missing.status).toBe(404);
    expect((await api(`/v1/webhooks/${sub.id}/deliveries`)).status).toBe(404);
  });

  it("signs with both secrets during a rotation's grace period, then with the new one only", async () => {
    const rotated = await as(`/v1/webhooks/${sub.id}/rotate-secret`, { body: { graceHours: 1 } });
    expect(rotated.status).toBe(200);
    const fresh = rotated.body.secret as string;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(sub.secret);
    const during = await emitAndReceive(receiver);
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verifySignature(fresh, during)).toBe(true);
    expect(verifySignature(sub.secret, during)).toBe(true);

    const again = await as(`/v1/webhooks/${sub.id}/rotate-secret`, { body: { graceHours: 0 } });
    const latest = again.body.secret as string;
    const after = await emitAndReceive(receiver);
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(verifySignature(latest, after)).toBe(true);
    expect(verifySignature(fresh, after)).toBe(false);
  });

  it("delivers a notice whose hand-off to the queue was lost, once the poller sweeps the outbox", async () => {
    // As if emit() died between writing the row and queueing it.
    const row = noticeRow({
      tenantId,
      type: "budget.exceeded",
      sequence: null,
      data: { deploymentId: null, limitUsd: 10, spentUsd: 11, periodStart: new Date().toISOString() },
    });
    await dynamo().send(new PutCommand({ TableName: tableName(), Item: row }));
    await Webhook.sweepOutbox(Date.now() + 60_000);
    const hook = await receiver.waitFor((r) => r.headers["webhook-id"] === row.id);
    expect(hook.json.type).toBe("budget.exceeded");
  });

  it("disables a subscription that keeps failing and tells the tenant's other subscriptions", async () => {
    const failing = await startReceiver({ status: () => 500 });
    const listener = await startReceiver();
    try {
      const bad = await subscribe(failing.url, ["budget.warning"]);
      const watcher = await subscribe(listener.url, ["webhook.disabled"]);
      const disabled = await found(
        "the subscription to be disabled",
        async () => {
          await sleep(800);
          await Webhook.emit({
            tenantId,
            type: "budget.warning",
            data: { deploymentId: null, limitUsd: 100, spentUsd: 80, periodStart: new Date().toISOString() },
          });
          const list = (await as("/v1/webhooks")).body.data as Json[];
          const row = list.find((s) => s.id === bad.id);
          return row?.status === "disabled" ? row : undefined;
        },
        90_000,
      );
      expect(disabled.disabledReason).toMatch(/failed/);
      expect(disabled.failingSince).toEqual(expect.any(String));

      const notice = await listener.waitFor((r) => r.json.type === "webhook.disabled");
      expect(verifySignature(watcher.secret, notice)).toBe(true);
      expect(notice.json.data.subscriptionId).toBe(bad.id);
      expect((notice.json as { sequence: unknown }).sequence).toBeNull();
      expect(ajv.validate({ $ref: schemaOf("webhook.disabled") }, notice.json)).toBe(true);
      expect(receiver.received.some((r) => r.json.type === "webhook.disabled")).toBe(true);

      const enabled = await as(`/v1/webhooks/${bad.id}`, { method: "PATCH", body: { status: "active" } });
      expect(enabled.status).toBe(200);
      expect(enabled.body).toMatchObject({ status: "active", failingSince: null, disabledReason: null });
    } finally {
      await failing.close();
      await listener.close();
    }
  });
});

async function emitAndReceive(receiver: Receiver) {
  const { id } = await Webhook.emit({
    tenantId,
    type: "budget.warning",
    data: { deploymentId: null, limitUsd: 10, spentUsd: 9, periodStart: new Date().toISOString() },
  });
  return receiver.waitFor((r) => r.headers["webhook-id"] === id);
}
