import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { EventRow } from "../deployment/events";
import { eventKey } from "../deployment/keys";
import { enqueueWebhookJob } from "../queue";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import type { EventType, Payload } from "./catalogue";
import { type DeliveryRow, deliveryKey, loadDelivery, RETENTION_SECONDS } from "./delivery";
import { loadNotice } from "./notice";
import { forTenant, isActive, listensTo } from "./subscription";

/** What fans out: a state event or a notice, in one shape. */
export type Outgoing = {
  id: string;
  tenantId: string;
  type: EventType;
  at: string;
  sequence: number | null;
  deploymentId?: string;
  data: unknown;
};

export async function fanoutStateEvent(job: { deploymentId: string; eventId: string }) {
  const found = await dynamo().send(
    new GetCommand({
      TableName: tableName(),
      Key: eventKey(job.deploymentId, job.eventId),
    }),
  );
  const event = found.Item as EventRow | undefined;
  if (!event?.webhook) return { deliveries: 0 };
  return fanout({
    id: event.id,
    tenantId: event.tenantId,
    type: event.webhook,
    at: event.at,
    sequence: event.sequence,
    deploymentId: event.deploymentId,
    data: event.data,
  });
}

export async function fanoutNotice(job: { eventId: string }) {
  const notice = await loadNotice(job.eventId);
  if (!notice) return { deliveries: 0 };
  return fanout({
    id: notice.id,
    tenantId: notice.tenantId,
    type: notice.webhook,
    at: notice.at,
    sequence: notice.sequence,
    deploymentId: notice.deploymentId,
    data: notice.data,
  });
}

/**
 * One delivery per matching active subscription, keyed by (subscription, event): a repeated
 * fan-out finds the deliveries it made before and only re-enqueues those still pending.
 */
async function fanout(event: Outgoing) {
  const subscriptions = (await forTenant(event.tenantId)).filter(
    (s) => isActive(s) && listensTo(s, event.type),
  );
  const body: Payload = { type: event.type, timestamp: event.at, sequence: event.sequence, data: event.data };
  const payload = JSON.stringify(body);
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
    await enqueueWebhookJob({ type: "webhook.deliver", subscriptionId: sub.id, deliveryId: event.id });
  }
  return { deliveries: subscriptions.length };
}
