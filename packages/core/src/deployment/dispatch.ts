import { enqueueJob } from "../queue";
import { log } from "../util/log";
import * as Webhook from "../webhook";
import { follow } from "./follow";
import type { Committed } from "./write";

/**
 * After a commit: schedule the next step, publish a webhook-worthy event (webhooks and bus),
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
  if (event?.outboxPk && event.webhook) await Webhook.publish({ ...event, webhook: event.webhook });
}
