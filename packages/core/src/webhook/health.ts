import { TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { log } from "../util/log";
import { noticeRow } from "./notice";
import { publish } from "./outbox";
import { disableAfterMs, nextHealth } from "./policy";
import { key, type SubscriptionRow } from "./subscription";

const ACTIVE = "(attribute_not_exists(#status) OR #status = :active)";

/**
 * Applies the disable policy after an attempt. Each write is conditional on the state the
 * policy read, so concurrent attempts agree: one sets `failingSince`, one disables (and only
 * that one emits the notice, in the same transaction).
 */
export async function updateHealth(sub: SubscriptionRow, ok: boolean, now = new Date()) {
  const action = nextHealth(sub, ok, now, disableAfterMs());
  if (action.type === "none") return action;
  const Key = key(sub.tenantId, sub.id);
  try {
    if (action.type === "recover") {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName(),
          Key,
          UpdateExpression: "REMOVE failingSince",
          ConditionExpression: "failingSince = :since",
          ExpressionAttributeValues: { ":since": sub.failingSince },
        }),
      );
    } else if (action.type === "start") {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName(),
          Key,
          UpdateExpression: "SET failingSince = :since",
          ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(failingSince) AND ${ACTIVE}`,
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":since": action.since, ":active": "active" },
        }),
      );
    } else {
      await disable(sub, action.since, now);
    }
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  return action;
}

async function disable(sub: SubscriptionRow, since: string, now: Date) {
  const hours = Math.round((now.getTime() - Date.parse(since)) / 360_000) / 10;
  const reason = `every delivery failed for ${hours} h`;
  const disabledAt = now.toISOString();
  const notice = noticeRow({
    tenantId: sub.tenantId,
    type: "webhook.disabled",
    sequence: null,
    data: { subscriptionId: sub.id, url: sub.url, failingSince: since, disabledAt, reason },
    at: now,
  });
  await dynamo().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tableName(),
            Key: key(sub.tenantId, sub.id),
            UpdateExpression: "SET #status = :disabled, disabledAt = :at, disabledReason = :reason",
            ConditionExpression: `failingSince = :since AND ${ACTIVE}`,
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: {
              ":disabled": "disabled",
              ":at": disabledAt,
              ":reason": reason,
              ":since": since,
              ":active": "active",
            },
          },
        },
        { Put: { TableName: tableName(), Item: notice, ConditionExpression: "attribute_not_exists(pk)" } },
      ],
    }),
  );
  log.warn("webhook subscription disabled", { subscriptionId: sub.id, tenantId: sub.tenantId, since });
  await publish(notice);
}
