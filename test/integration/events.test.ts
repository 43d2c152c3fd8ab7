import * as Webhook from "@hangar/core/webhook/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, deploy, waitForState } from "../support/api";
import { type Received, startReceiver } from "../support/receiver";
import { stack } from "../support/stack";
import { found } from "../support/until";

/** What the local EventBridge stand-in (packages/local/src/eventbridge.ts) kept. */
type BusEvent = {
  eventId: string;
  source: string;
  detailType: string;
  eventBusName: string;
  detail: {
    type: string;
    timestamp: string;
    sequence: number | null;
    data: { id?: string };
    eventId: string;
  };
};

const bus = stack.env.HANGAR_EVENTBRIDGE_ENDPOINT as string;

async function busEvents(): Promise<{ accepted: BusEvent[]; rejected: BusEvent[] }> {
  return (await fetch(`${bus}/_events`)).json() as Promise<{ accepted: BusEvent[]; rejected: BusEvent[] }>;
}

const about = (id: string) => (e: BusEvent) => e.detail.data.id === id;

describe("events on the EventBridge bus", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    const sub = await api("/v1/webhooks", { body: { url: receiver.url } });
    expect(sub.status).toBe(201);
  });

  afterAll(async () => {
    await receiver.close();
  });

  it("puts every webhook of a deployment's life on the bus, with source hangar and the webhook's payload as detail", async () => {
    const dep = await deploy({ name: "bus-rider" });
    await waitForState(dep.id, "ready");
    expect((await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" })).status).toBe(202);
    await waitForState(dep.id, "stopped");
    expect((await api(`/v1/deployments/${dep.id}/start`, { method: "POST" })).status).toBe(202);
    await waitForState(dep.id, "ready");
    expect((await api(`/v1/deployments/${dep.id}`, { method: "DELETE" })).status).toBe(202);
    await waitForState(dep.id, "deleted");

    const lifecycle = ["deployment.ready", "deployment.stopped", "deployment.started", "deployment.deleted"];
    const hooks: Received[] = [];
    for (const type of lifecycle)
      hooks.push(await receiver.waitFor((r) => r.json.type === type && r.json.data.id === dep.id));
    const events = await found("all four events on the bus", async () => {
      const mine = (await busEvents()).accepted.filter(about(dep.id));
      return lifecycle.every((type) => mine.some((e) => e.detailType === type)) ? mine : undefined;
    });

    for (const hook of hooks) {
      const eventId = String(hook.headers["webhook-id"]);
      const event = events.find((e) => e.detail.eventId === eventId);
      expect(event).toMatchObject({
        source: "hangar",
        detailType: hook.json.type,
        eventBusName: stack.env.HANGAR_EVENT_BUS_NAME,
      });
      expect(event?.detail).toEqual({ ...hook.json, tenantId: stack.tenantId, eventId });
    }
    const sequences = lifecycle.map(
      (type) => events.find((e) => e.detailType === type)?.detail.sequence as number,
    );
    expect(
      sequences.every((n, i) => Number.isInteger(n) && (i === 0 || n > (sequences[i - 1] as number))),
    ).toBe(true);
  });

  it("puts an event the bus rejected once the outbox is swept, while its webhook goes out at once", async () => {
    const dep = await deploy({ name: "bus-rejected" });
    const armed = await fetch(`${bus}/_fail`, {
      method: "POST",
      body: JSON.stringify({ match: dep.id, times: 1, mode: "entry" }),
    });
    expect(armed.status).toBe(200);
    await waitForState(dep.id, "ready");

    const rejected = await found("the bus to reject deployment.ready", async () =>
      (await busEvents()).rejected.find((e) => about(dep.id)(e) && e.detailType === "deployment.ready"),
    );
    const hook = await receiver.waitFor(
      (r) => r.json.type === "deployment.ready" && r.json.data.id === dep.id,
    );
    expect(hook.headers["webhook-id"]).toBe(rejected.detail.eventId);

    await Webhook.sweepOutbox(Date.now() + 60_000);
    const accepted = await found("deployment.ready on the bus", async () =>
      (await busEvents()).accepted.find((e) => e.detail.eventId === rejected.detail.eventId),
    );
    expect(accepted.detail).toEqual({
      ...hook.json,
      tenantId: stack.tenantId,
      eventId: rejected.detail.eventId,
    });
  });
});
