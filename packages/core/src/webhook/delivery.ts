import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { tableName } from "../store";
import { dynamo } from "../util/aws";

export const RETENTION_SECONDS = 30 * 24 * 3600;
/** The delivery log keeps this many attempts per delivery, newest last. */
/** Attempts kept on a delivery row, newest last. */
export const HISTORY = 20;

export type Attempt = { at: string; latencyMs: number; status?: number; error?: string };

export type DeliveryRow = {
  pk: string;
  sk: string;
  type: "delivery";
  subscriptionId: string;
  tenantId: string;
  eventId: string;
  eventType: string;
  deploymentId?: string;
  sequence?: number | null;
  /** The exact bytes sent on every attempt, so each attempt's signature covers the same body. */
  payload: string;
  status: "pending" | "delivered" | "failed" | "cancelled";
  /** Attempts over the delivery's whole life, redeliveries included. */
  attempts: number;
  history?: Attempt[];
  lastStatus?: number;
  lastError?: string;
  lastLatencyMs?: number;
  nextAttemptAt?: string;
  deliveredAt?: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: number;
};

export const deliveryKey = (subscriptionId: string, eventId: string) => ({
  pk: `WHK#${subscriptionId}`,
  sk: `DLV#${eventId}`,
});

export async function loadDelivery(subscriptionId: string, eventId: string) {
  const result = await dynamo().send(
    new GetCommand({
      TableName: tableName(),
      Key: deliveryKey(subscriptionId, eventId),
      ConsistentRead: true,
    }),
  );
  return result.Item as DeliveryRow | undefined;
}
