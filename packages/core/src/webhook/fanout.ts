import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { type DeliveryRow, deliveryKey, loadDelivery, RETENTION_SECONDS } from "./delivery";
import { enqueue } from "./jobs";
import { type Outgoing, payload as toPayload } from "./outgoing";
import { forTenant, isActive, listensTo } from "./subscription";

/**
 * One delivery per matching active subscription, keyed by (subscription, event): a repeated
 * fan-out finds the deliveries it made before and only re-enqueues those still pending.
 */
export async function fanout(event: Outgoing) {
  const subscriptions = (await forTenant(event.tenantId)).filter(
    (s) => isActive(s) && listensTo(s, event.type),
  );
  const payload = JSON.stringify(toPayload(event));
  const at = new Date().toISOString();
  for (const sub of subscriptions) {
    const row: DeliveryRow = {
      ...deliveryKey(sub.id, event.id),
      type: "delivery",
      subscriptionId: sub.id,
      tenantId: event.tenantId,
      eventId: event.id,
      eventType: event.type,
      deploymentId: event.deploymentId,
      sequence: event.sequence,
      payload,
      status: "pending",
      attempts: 0,
      history: [],
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
    await enqueue({ type: "webhook.deliver", subscriptionId: sub.id, deliveryId: event.id });
  }
  return { deliveries: subscriptions.length };
}
