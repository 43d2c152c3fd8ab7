import { enqueueJobs } from "../queue";
import { pages, table, tableName } from "../store";
import { log } from "../util/log";
import { metric } from "../util/metrics";
import { CHECK_PK } from "./keys";
import type { Row } from "./row";

type Due = Pick<Row, "id" | "checkId" | "checkAt">;

/** Pages through one sparse index up to a deadline; reads only what is due. */
export async function* due<T>(
  index: "dueChecks" | "duePolicy",
  pk: string,
  before: string,
  projection: string,
) {
  const { partitionKey, sortKey } = table.indexes[index];
  yield* pages<T>({
    TableName: tableName(),
    IndexName: index,
    KeyConditionExpression: "#pk = :pk AND #sk <= :before",
    ExpressionAttributeNames: { "#pk": partitionKey, "#sk": sortKey },
    ExpressionAttributeValues: { ":pk": pk, ":before": before },
    ProjectionExpression: projection || undefined,
  });
}

/**
 * The poller's safety net: checks overdue by more than `graceSeconds` lost their message
 * (or it is stuck behind a backlog); enqueue them again with the current checkId.
 * A duplicate is harmless: the step's lease lets only one copy act.
 */
export async function requeueOverdue(now = Date.now(), graceSeconds = 30) {
  const before = new Date(now - graceSeconds * 1000).toISOString();
  let requeued = 0;
  for await (const items of due<Due>("dueChecks", CHECK_PK, before, "id, checkId, checkAt")) {
    await enqueueJobs(
      items.map((d) => ({ type: "deployment.step", deploymentId: d.id, checkId: d.checkId })),
    );
    requeued += items.length;
  }
  metric.by({ sweep: "overdue_checks" }, "SweepItemsRead", requeued);
  if (requeued) log.info("requeued overdue checks", { requeued });
  return { requeued };
}
