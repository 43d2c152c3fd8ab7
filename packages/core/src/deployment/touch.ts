import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { Config } from "../config";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { type ActivitySource, activityWrite } from "./activity-source";
import { POLICY_PK } from "./keys";
import { policyAt } from "./policy";
import { mine } from "./query";
import { key, type Row } from "./row";
import { load } from "./write";

/** A heartbeat (`POST /v1/deployments/{id}/activity`). */
export async function recordActivity(id: string, now = new Date()) {
  return touch(await mine(id), now, "heartbeat");
}

/**
 * Records activity of one source, at most once per interval per source: proxy traffic would
 * otherwise turn every inference call into a write. `lastActivityAt` becomes the latest of all
 * sources, and the policy deadline moves with it, computed from the row it read and written only
 * if that row is still current.
 */
export async function touch(
  row: Row,
  now = new Date(),
  source: ActivitySource = "proxy",
): Promise<{ recorded: boolean }> {
  const at = now.toISOString();
  const write = activityWrite(row, source, at, Config.activityWriteIntervalSeconds() * 1000);
  if (!write) return { recorded: false };
  const { field, threshold, latest } = write;
  const due = policyAt({ ...row, lastActivityAt: latest }, now);
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key(row.id),
        UpdateExpression: `SET #source = :at, lastActivityAt = :latest${due ? ", policyAt = :due, policyPk = :pk" : ""}`,
        ConditionExpression: "version = :version AND (attribute_not_exists(#source) OR #source < :threshold)",
        ExpressionAttributeNames: { "#source": field },
        ExpressionAttributeValues: {
          ":at": at,
          ":latest": latest,
          ":threshold": threshold,
          ":version": row.version,
          ...(due ? { ":due": due, ":pk": POLICY_PK } : {}),
        },
      }),
    );
    return { recorded: true };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    // Another writer got in first: if it was a state change, try again on the fresh row.
    const fresh = await load(row.id);
    if (fresh && fresh.version !== row.version) return touch(fresh, now, source);
    return { recorded: false };
  }
}
