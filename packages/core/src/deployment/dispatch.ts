import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { enqueueJob, enqueueWebhookJob } from "../queue";
import { pages, table, tableName } from "../store";
import { dynamo } from "../util/aws";
import { log } from "../util/log";
import { type NoticeRow, publishNotice } from "../webhook/notice";
import type { EventRow } from "./events";
import { follow } from "./follow";
import type { Committed } from "./write";

/**
 * After a commit: schedule the next step, hand a webhook-worthy event to the webhook queue,
 * and move a base's adapters with it. All are safe to lose: the poller re-enqueues overdue
 * checks and undelivered outbox events, and each adapter's own checks follow its base.
 */
export async function dispatch(committed: Committed, now = Date.now()) {
  await announce(committed, now);
  const { row, event } = committed;
  if (event && row.allowAdapters && !row.model.baseDeploymentId) await follow(row, (c) => announce(c));
}

async function announce({ row, event }: Committed, now = Date.now()) {
  if (row.checkAt) {
    const delaySeconds = Math.max(0, (Date.parse(row.checkAt) - now) / 1000);
    await enqueueJob(
      { type: "deployment.step", deploymentId: row.id, checkId: row.checkId },
      { delaySeconds },
    ).catch((error) =>
      log.warn("step not enqueued; the poller will pick it up", { deploymentId: row.id, error }),
    );
  }
  if (event?.outboxPk) await publish(event);
}

/** Sends an outbox event to the webhook queue, then clears its mark. */
export async function publish(event: Pick<EventRow, "pk" | "sk" | "id" | "deploymentId">) {
  try {
    await enqueueWebhookJob({ type: "webhook.fanout", deploymentId: event.deploymentId, eventId: event.id });
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: event.pk, sk: event.sk },
        UpdateExpression: "REMOVE outboxPk, outboxAt",
      }),
    );
  } catch (error) {
    log.warn("webhook event left in the outbox; the poller will retry", { eventId: event.id, error });
  }
}

/** Outbox events and webhook notices older than `graceSeconds`: their dispatch was lost. */
export async function sweepOutbox(now = Date.now(), graceSeconds = 30) {
  const before = new Date(now - graceSeconds * 1000).toISOString();
  const { partitionKey, sortKey } = table.indexes.outbox;
  let published = 0;
  const outbox = pages<EventRow | NoticeRow>({
    TableName: tableName(),
    IndexName: "outbox",
    KeyConditionExpression: `${partitionKey} = :pk AND ${sortKey} <= :before`,
    ExpressionAttributeValues: { ":pk": "OUTBOX", ":before": before },
  });
  for await (const items of outbox) {
    for (const item of items) {
      await (item.type === "notice" ? publishNotice(item) : publish(item));
      published++;
    }
  }
  return { published };
}
