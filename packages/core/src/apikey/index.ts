import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Actor } from "../actor";
import { Config } from "../config";
import { isConditionFailure } from "../store";
import { dynamo } from "../util/aws";
import { cached, remember } from "./cache";
import { hash, type KeyRow, keyItem } from "./row";

export { CreateInput, issue, list, revoke } from "./manage";
export { create, generate } from "./register";
export { KeyInfo } from "./row";

/** The actor a bearer key stands for, or undefined. A revoked key still in a cache works until it expires there. */
export async function verify(key: string): Promise<Actor | undefined> {
  const digest = hash(key);
  const hit = cached(digest);
  if (hit) return hit;
  const result = await dynamo().send(new GetCommand({ TableName: Config.table(), Key: keyItem(digest) }));
  const item = result.Item as KeyRow | undefined;
  if (!item || item.revokedAt) return undefined;
  const actor: Actor = { type: "tenant", tenantId: item.tenantId, keyId: item.id };
  remember(digest, actor);
  await touch(digest);
  return actor;
}

/** Written on cache misses only, so at most once per key per cache window per process. */
async function touch(digest: string) {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: Config.table(),
        Key: keyItem(digest),
        UpdateExpression: "SET lastUsedAt = :now",
        ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(revokedAt)",
        ExpressionAttributeValues: { ":now": new Date().toISOString() },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
