import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { TransitionConflict } from "../error";
import { enqueueJobs } from "../queue";
import { table, tableName } from "../store";
import { dynamo } from "../util/aws";
import { log } from "../util/log";
import { dispatch } from "./dispatch";
import type { Row } from "./row";
import { commit, load } from "./write";

type Due = Pick<Row, "id" | "checkId" | "checkAt">;

/** Pages through one sparse index up to a deadline; reads only what is due. */
async function* due<T>(index: "dueChecks" | "dueIdle", pk: string, before: string, projection: string) {
  const { partitionKey, sortKey } = table.indexes[index];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: index,
        KeyConditionExpression: "#pk = :pk AND #sk <= :before",
        ExpressionAttributeNames: { "#pk": partitionKey, "#sk": sortKey },
        ExpressionAttributeValues: { ":pk": pk, ":before": before },
        ProjectionExpression: projection,
        ExclusiveStartKey: start,
      }),
    );
    yield (page.Items ?? []) as T[];
    start = page.LastEvaluatedKey;
  } while (start);
}

/**
 * The poller's safety net: checks overdue by more than `graceSeconds` lost their message
 * (or it is stuck behind a backlog); enqueue them again with the current checkId.
 * A duplicate is harmless: the step's lease lets only one copy act.
 */
export async function requeueOverdue(now = Date.now(), graceSeconds = 30) {
  const before = new Date(now - graceSeconds * 1000).toISOString();
  let requeued = 0;
  for await (const items of due<Due>("dueChecks", "CHECK", before, "id, checkId, checkAt")) {
    await enqueueJobs(
      items.map((d) => ({ type: "deployment.step", deploymentId: d.id, checkId: d.checkId })),
    );
    requeued += items.length;
  }
  if (requeued) log.info("requeued overdue checks", { requeued });
  return { requeued };
}

/** Stops every ready deployment whose idle deadline has passed. */
export async function stopIdle(now = new Date()) {
  const at = now.toISOString();
  let stopped = 0;
  for await (const items of due<Pick<Row, "id">>("dueIdle", "IDLE", at, "id")) {
    for (const { id } of items) if (await stopOneIdle(id, now)) stopped++;
  }
  if (stopped) log.info("stopped idle deployments", { stopped });
  return { stopped };
}

async function stopOneIdle(id: string, now: Date) {
  const row = await load(id);
  if (row?.state !== "ready" || !row.idleTimeoutMinutes || !row.idleAt || row.idleAt > now.toISOString()) {
    return false;
  }
  const since = row.lastActivityAt ?? row.stateChangedAt;
  const minutes = Math.floor((now.getTime() - Date.parse(since)) / 60_000);
  const reason = `idle: no activity for ${minutes} min (timeout ${row.idleTimeoutMinutes} min)`;
  try {
    await dispatch(
      await commit(row, {
        to: "stopping",
        reason,
        set: { stopReason: reason },
        nextCheckSeconds: 0,
        guard: { version: row.version },
        idleBefore: now.toISOString(),
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof TransitionConflict) return false;
    throw error;
  }
}
