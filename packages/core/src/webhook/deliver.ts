import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { Config } from "../config";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { log } from "../util/log";
import { metric } from "../util/metrics";
import { MAX_ATTEMPTS, retryDelay } from "./backoff";
import { type DeliveryRow, HISTORY, loadDelivery } from "./delivery";
import { updateHealth } from "./health";
import { post } from "./send";
import { signedHeaders, signingSecrets } from "./sign";
import { isActive, load as loadSubscription } from "./subscription";
import { resolveTarget } from "./url";

/*
 * Sending a delivery: the webhook sender's own door into this domain, apart from the index so
 * that what only records or enqueues events (crons, the API) doesn't bundle the HTTP client.
 */

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

/**
 * Sends one delivery, signed the Standard Webhooks way, to the addresses the URL guard vetted
 * just now. `attempt` is the message's receive count: a redelivery is a new message and so
 * starts a fresh budget of MAX_ATTEMPTS. The last failure marks the delivery failed (the
 * queue then parks the message in its DLQ).
 */
export async function deliver(job: { subscriptionId: string; deliveryId: string }, attempt: number) {
  const delivery = await loadDelivery(job.subscriptionId, job.deliveryId);
  if (delivery?.status !== "pending") return { status: delivery?.status ?? "missing" };
  const sub = await loadSubscription(delivery.tenantId, delivery.subscriptionId);
  if (!sub || !isActive(sub)) {
    const reason = sub ? "subscription disabled" : "subscription deleted";
    await record(delivery, { status: "cancelled", lastError: reason, nextAttemptAt: undefined });
    return { status: "cancelled" };
  }
  const { timeoutSeconds, baseSeconds } = Config.webhookRetry();
  const at = new Date();
  const started = performance.now();
  let outcome: { status?: number; error?: string };
  try {
    const target = await resolveTarget(sub.url);
    const headers = {
      "content-type": "application/json",
      "user-agent": "Hangar-Webhooks/1",
      ...signedHeaders(signingSecrets(sub, at), delivery.eventId, delivery.payload, at),
    };
    outcome = await post(target, headers, delivery.payload, timeoutSeconds * 1000);
  } catch (error) {
    outcome = { error: error instanceof Error ? error.message : String(error) };
  }
  const latencyMs = Math.round(performance.now() - started);
  const ok = outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300;
  const lastAttempt = attempt >= MAX_ATTEMPTS;
  const retryIn = ok || lastAttempt ? 0 : retryDelay(attempt, baseSeconds);
  const error = ok ? undefined : (outcome.error ?? `HTTP ${outcome.status}`);
  await record(delivery, {
    status: ok ? "delivered" : lastAttempt ? "failed" : "pending",
    attempts: delivery.attempts + 1,
    history: [
      ...(delivery.history ?? []),
      { at: at.toISOString(), latencyMs, status: outcome.status, error },
    ].slice(-HISTORY),
    lastStatus: outcome.status,
    lastError: error,
    lastLatencyMs: latencyMs,
    deliveredAt: ok ? new Date().toISOString() : undefined,
    nextAttemptAt: retryIn ? new Date(Date.now() + retryIn * 1000).toISOString() : undefined,
  });
  await updateHealth(sub, ok, at);
  metric.add("WebhookDeliveryLatency", latencyMs, "Milliseconds");
  if (ok) {
    metric.add("WebhookDeliveries");
    return { status: "delivered" };
  }
  metric.add("WebhookFailures");
  log.warn("webhook delivery failed", { subscriptionId: sub.id, eventId: delivery.eventId, attempt, error });
  throw new DeliveryFailed(`delivery ${delivery.eventId} to ${sub.id} failed: ${error}`, retryIn);
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
