import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { Webhook } from "standardwebhooks";
import { request } from "undici";
import { Config } from "../config";
import type { EventRow } from "../deployment/events";
import { enqueueWebhookJob } from "../queue";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { log } from "../util/log";
import { forTenant, load as loadSubscription } from "./subscription";
import { checkUrl } from "./url";

const RETENTION_SECONDS = 30 * 24 * 3600;

type DeliveryRow = {
  pk: string;
  sk: string;
  type: "delivery";
  subscriptionId: string;
  tenantId: string;
  eventId: string;
  eventType: string;
  deploymentId: string;
  /** The exact bytes sent on every attempt, so each attempt's signature covers the same body. */
  payload: string;
  status: "pending" | "delivered" | "failed" | "cancelled";
  attempts: number;
  lastStatus?: number;
  lastError?: string;
  lastLatencyMs?: number;
  createdAt: string;
  updatedAt: string;
  expiresAt: number;
};

const deliveryKey = (subscriptionId: string, eventId: string) => ({
  pk: `WHK#${subscriptionId}`,
  sk: `DLV#${eventId}`,
});

/**
 * One delivery per matching subscription, keyed by (subscription, event): a repeated fan-out
 * finds the deliveries it made before and only re-enqueues those still pending.
 */
export async function fanout(job: { deploymentId: string; eventId: string }) {
  const found = await dynamo().send(
    new GetCommand({
      TableName: tableName(),
      Key: { pk: `DEP#${job.deploymentId}`, sk: `EVT#${job.eventId}` },
    }),
  );
  const event = found.Item as EventRow | undefined;
  if (!event?.webhook) return { deliveries: 0 };
  const type = event.webhook;
  const subscriptions = (await forTenant(event.tenantId)).filter(
    (s) => s.events.length === 0 || s.events.includes(type),
  );
  const payload = JSON.stringify({ type, timestamp: event.at, data: event.data });
  const at = new Date().toISOString();
  for (const sub of subscriptions) {
    const row: DeliveryRow = {
      ...deliveryKey(sub.id, event.id),
      type: "delivery",
      subscriptionId: sub.id,
      tenantId: event.tenantId,
      eventId: event.id,
      eventType: type,
      deploymentId: event.deploymentId,
      payload,
      status: "pending",
      attempts: 0,
      createdAt: at,
      updatedAt: at,
      expiresAt: Math.floor(Date.now() / 1000) + RETENTION_SECONDS,
    };
    try {
      await dynamo().send(
        new PutCommand({
          TableName: tableName(),
          Item: row,
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await loadDelivery(sub.id, event.id);
      if (existing?.status !== "pending") continue;
    }
    await enqueueWebhookJob({ type: "webhook.deliver", subscriptionId: sub.id, deliveryId: event.id });
  }
  return { deliveries: subscriptions.length };
}

async function loadDelivery(subscriptionId: string, eventId: string) {
  const result = await dynamo().send(
    new GetCommand({
      TableName: tableName(),
      Key: deliveryKey(subscriptionId, eventId),
      ConsistentRead: true,
    }),
  );
  return result.Item as DeliveryRow | undefined;
}

/** A failed attempt; the caller hides the message for `retryInSeconds` before the next one. */
export class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly retryInSeconds: number,
  ) {
    super(message);
    this.name = "DeliveryFailed";
  }
}

/** Exponential backoff with full jitter; capped by what SQS allows for a visibility timeout (12 h). */
export function retryDelay(attempt: number, baseSeconds: number, random = Math.random) {
  const ceiling = Math.min(12 * 3600, baseSeconds * 2 ** Math.max(0, attempt - 1));
  return Math.max(1, Math.round(ceiling / 2 + (random() * ceiling) / 2));
}

/**
 * Sends one delivery, signed the Standard Webhooks way. `attempt` is the message's receive
 * count; on the last one a failure marks the delivery failed (the queue then parks the message
 * in its DLQ).
 */
export async function deliver(
  job: { subscriptionId: string; deliveryId: string },
  attempt: number,
  lastAttempt: boolean,
) {
  const delivery = await loadDelivery(job.subscriptionId, job.deliveryId);
  if (delivery?.status !== "pending") return { status: delivery?.status ?? "missing" };
  const sub = await loadSubscription(delivery.tenantId, delivery.subscriptionId);
  if (!sub) {
    await record(delivery, { status: "cancelled", lastError: "subscription deleted" });
    return { status: "cancelled" };
  }
  const { timeoutSeconds, baseSeconds } = Config.webhookRetry();
  const started = performance.now();
  let outcome: { status?: number; error?: string };
  try {
    await checkUrl(sub.url);
    const timestamp = new Date();
    const signature = new Webhook(sub.secret).sign(delivery.eventId, timestamp, delivery.payload);
    const response = await request(sub.url, {
      method: "POST",
      body: delivery.payload,
      headers: {
        "content-type": "application/json",
        "user-agent": "Hangar-Webhooks/1",
        "webhook-id": delivery.eventId,
        "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
        "webhook-signature": signature,
      },
      headersTimeout: timeoutSeconds * 1000,
      bodyTimeout: timeoutSeconds * 1000,
    });
    await response.body.dump();
    outcome = { status: response.statusCode };
  } catch (error) {
    outcome = { error: error instanceof Error ? error.message : String(error) };
  }
  const latency = Math.round(performance.now() - started);
  const ok = outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300;
  await record(delivery, {
    status: ok ? "delivered" : lastAttempt ? "failed" : "pending",
    attempts: delivery.attempts + 1,
    lastStatus: outcome.status,
    lastError: ok ? undefined : (outcome.error ?? `HTTP ${outcome.status}`),
    lastLatencyMs: latency,
  });
  if (ok) return { status: "delivered" };
  const reason = outcome.error ?? `HTTP ${outcome.status}`;
  log.warn("webhook delivery failed", { subscriptionId: sub.id, eventId: delivery.eventId, attempt, reason });
  throw new DeliveryFailed(
    `delivery ${delivery.eventId} to ${sub.id} failed: ${reason}`,
    retryDelay(attempt, baseSeconds),
  );
}

/** Written only over the attempt it read: a concurrent copy of the same message loses quietly. */
async function record(delivery: DeliveryRow, patch: Partial<DeliveryRow>) {
  const next = { ...delivery, ...patch, updatedAt: new Date().toISOString() };
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: next,
        ConditionExpression: "attempts = :attempts AND #status = :pending",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":attempts": delivery.attempts, ":pending": "pending" },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
