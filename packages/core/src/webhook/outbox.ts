import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { Config } from "../config";
import { pages, table, tableName } from "../store";
import { dynamo } from "../util/aws";
import { log } from "../util/log";
import { metric } from "../util/metrics";
import { putEvent } from "./bus";
import type { EventType } from "./catalogue";
import { enqueue } from "./jobs";
import type { Outgoing } from "./outgoing";

/**
 * A row with an outbox mark (outboxPk, outboxAt): a deployment's state event or a notice. It
 * goes out to two places, the webhooks queue (fan-out) and the EventBridge bus; `published`
 * names those already done, so a retry repeats only what failed.
 */
export type OutboxItem = {
  pk: string;
  sk: string;
  id: string;
  tenantId: string;
  webhook: EventType;
  deploymentId?: string;
  sequence: number | null;
  at: string;
  data: unknown;
  published?: Set<Sink>;
};

type Sink = "webhooks" | "eventbridge";

const send: Record<Sink, (event: Outgoing, bus: string) => Promise<void>> = {
  webhooks: (event) => enqueue({ type: "webhook.fanout", event }),
  eventbridge: (event, bus) => putEvent(event, bus),
};

/**
 * Sends an outbox item to every sink not yet done, records the ones that took it, and clears
 * the mark once all have: at least once to each, since a crash between a send and the record
 * repeats that send. A failure stays in the outbox for the poller's sweep.
 */
export async function publish(item: OutboxItem) {
  const bus = Config.eventBusName();
  const event: Outgoing = {
    id: item.id,
    tenantId: item.tenantId,
    type: item.webhook,
    at: item.at,
    sequence: item.sequence,
    deploymentId: item.deploymentId,
    data: item.data,
  };
  const pending = (bus ? (["webhooks", "eventbridge"] as const) : (["webhooks"] as const)).filter(
    (sink) => !item.published?.has(sink),
  );
  const results = await Promise.allSettled(pending.map((sink) => send[sink](event, bus ?? "")));
  const done = pending.filter((_, i) => results[i]?.status === "fulfilled");
  results.forEach((result, i) => {
    if (result.status === "rejected")
      log.warn("event left in the outbox; the poller will retry", {
        eventId: item.id,
        sink: pending[i],
        error: result.reason,
      });
  });
  const all = done.length === pending.length;
  if (!all && !done.length) return;
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: item.pk, sk: item.sk },
        ConditionExpression: "attribute_exists(pk)",
        ...(all
          ? { UpdateExpression: "REMOVE outboxPk, outboxAt, published" }
          : {
              UpdateExpression: "ADD published :done",
              ExpressionAttributeValues: { ":done": new Set(done) },
            }),
      }),
    );
  } catch (error) {
    log.warn("outbox mark not updated; the poller will publish again", { eventId: item.id, error });
  }
}

/** Outbox items older than `graceSeconds`: their publishing was lost or failed. */
export async function sweepOutbox(now = Date.now(), graceSeconds = 30) {
  const before = new Date(now - graceSeconds * 1000).toISOString();
  const { partitionKey, sortKey } = table.indexes.outbox;
  let published = 0;
  const outbox = pages<OutboxItem>({
    TableName: tableName(),
    IndexName: "outbox",
    KeyConditionExpression: `${partitionKey} = :pk AND ${sortKey} <= :before`,
    ExpressionAttributeValues: { ":pk": "OUTBOX", ":before": before },
  });
  for await (const items of outbox) {
    for (const item of items) {
      await publish(item);
      published++;
    }
  }
  metric.by({ sweep: "outbox" }, "SweepItemsRead", published);
  return { published };
}
