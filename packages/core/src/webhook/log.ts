import { QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod";
import { VisibleError } from "../error";
import { cursor, isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { fn } from "../util/fn";
import { isId, shownId } from "../util/id";
import { type DeliveryRow, deliveryKey, loadDelivery } from "./delivery";
import { enqueue } from "./jobs";
import { isActive, mine } from "./subscription";

const AttemptInfo = z.object({
  at: z.string(),
  latencyMs: z.number().int(),
  status: z.number().int().nullable().meta({ description: "The receiver's HTTP status; null if none came." }),
  error: z.string().nullable(),
});

export const DeliveryInfo = z
  .object({
    eventId: z
      .string()
      .meta({ example: "evt_01jd4k2z5x8q3w6e9r0t1y2u3i", description: "Also the `webhook-id` header." }),
    eventType: z.string(),
    deploymentId: z.string().nullable(),
    sequence: z.number().int().nullable(),
    status: z.enum(["pending", "delivered", "failed", "cancelled"]),
    attempts: z.number().int(),
    lastResponseStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastLatencyMs: z.number().int().nullable(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    history: z.array(AttemptInfo).meta({ description: "The latest attempts (up to 20), oldest first." }),
  })
  .meta({ id: "WebhookDelivery" });

export const DeliveriesInput = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
});

const toDeliveryInfo = (row: DeliveryRow): z.infer<typeof DeliveryInfo> => ({
  eventId: row.eventId,
  eventType: row.eventType,
  deploymentId: row.deploymentId ?? null,
  sequence: row.sequence ?? null,
  status: row.status,
  attempts: row.attempts,
  lastResponseStatus: row.lastStatus ?? null,
  lastError: row.lastError ?? null,
  lastLatencyMs: row.lastLatencyMs ?? null,
  nextAttemptAt: row.status === "pending" ? (row.nextAttemptAt ?? null) : null,
  deliveredAt: row.deliveredAt ?? null,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  history: (row.history ?? []).map((a) => ({
    at: a.at,
    latencyMs: a.latencyMs,
    status: a.status ?? null,
    error: a.error ?? null,
  })),
});

/** A subscription's deliveries, newest first (event ids are ULIDs, so the sort key is time). */
export const deliveries = fn(DeliveriesInput, async (input, id: string) => {
  await mine(id);
  const start = cursor.decode(input.cursor, ["pk", "sk"]);
  if ((input.cursor && !start) || (start && start.pk !== `WHK#${id}`))
    throw new VisibleError("input", "request.invalid_cursor", "The cursor is not valid.");
  const page = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :dlv)",
      ExpressionAttributeValues: { ":pk": `WHK#${id}`, ":dlv": "DLV#" },
      ScanIndexForward: false,
      Limit: input.limit,
      ExclusiveStartKey: start,
    }),
  );
  return {
    data: ((page.Items ?? []) as DeliveryRow[]).map(toDeliveryInfo),
    nextCursor: cursor.encode(page.LastEvaluatedKey),
  };
});

/**
 * Sends a delivered or failed delivery again, as a new message with a fresh attempt budget.
 * The status flips to pending only over the status read, so two redeliveries make one.
 */
export async function redeliver(id: string, eventId: string) {
  const sub = await mine(id);
  if (!isActive(sub))
    throw new VisibleError(
      "conflict",
      "webhook.disabled",
      "The subscription is disabled; re-enable it first.",
    );
  const row = isId("event", eventId) ? await loadDelivery(id, eventId) : undefined;
  if (!row)
    throw new VisibleError("not_found", "webhook.delivery_not_found", `No delivery of ${shownId(eventId)}.`);
  if (row.status === "pending")
    throw new VisibleError("conflict", "webhook.delivery_pending", "The delivery is still being attempted.");
  const flip = (from: string, to: string) =>
    dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: deliveryKey(id, eventId),
        UpdateExpression: "SET #status = :to, updatedAt = :now REMOVE nextAttemptAt",
        ConditionExpression: "#status = :from AND attempts = :attempts",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":to": to,
          ":from": from,
          ":attempts": row.attempts,
          ":now": new Date().toISOString(),
        },
      }),
    );
  try {
    await flip(row.status, "pending");
  } catch (error) {
    if (isConditionFailure(error))
      throw new VisibleError(
        "conflict",
        "webhook.delivery_pending",
        "The delivery is already being redelivered.",
      );
    throw error;
  }
  try {
    await enqueue({ type: "webhook.deliver", subscriptionId: id, deliveryId: eventId });
  } catch (error) {
    // Nothing will attempt it: put the status back so the caller can try again.
    await flip("pending", row.status).catch(() => {});
    throw error;
  }
  return toDeliveryInfo({ ...row, status: "pending", nextAttemptAt: undefined });
}
