import { QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod";
import { useTenant } from "../actor";
import { Config } from "../config";
import { VisibleError } from "../error";
import { isConditionFailure, queryAll, table } from "../store";
import { dynamo } from "../util/aws";
import { fn } from "../util/fn";
import { isId, shownId } from "../util/id";
import { forget } from "./cache";
import { create } from "./register";
import { type KeyRow, tenantKeys, toInfo } from "./row";

export const CreateInput = z
  .object({ name: z.string().trim().min(1).max(100).optional().meta({ example: "ci" }) })
  .meta({ id: "ApiKeyCreate" });

const { partitionKey, sortKey } = table.indexes.byTenant;

const rows = (tenantId: string) =>
  queryAll<KeyRow>({
    TableName: Config.table(),
    IndexName: "byTenant",
    KeyConditionExpression: `${partitionKey} = :pk`,
    ExpressionAttributeValues: { ":pk": tenantKeys(tenantId) },
  });

/** The caller's keys, oldest first; never the secrets (only their hashes are stored). */
export async function list() {
  return (await rows(useTenant())).map(toInfo);
}

/** A new key for the caller's tenant; the secret is in this answer and nowhere else. */
export const issue = fn(CreateInput, async (input) => {
  const created = await create({ tenantId: useTenant(), name: input.name });
  return { ...toInfo(created.row), key: created.key };
});

const notFound = (id: string) =>
  new VisibleError("not_found", "apikey.not_found", `No API key ${shownId(id)}.`);

/**
 * Revokes one of the caller's keys, the one in use included (a leaked key must be revocable by
 * whoever holds it). The tenant's last active key is refused, since nothing could then create
 * another: two revocations racing for the last two keys can still both pass. Revoking twice
 * answers the same revocation. Other API processes honour it once their cache entry expires.
 */
export async function revoke(id: string) {
  if (!isId("key", id)) throw notFound(id);
  const tenantId = useTenant();
  const found = await dynamo().send(
    new QueryCommand({
      TableName: Config.table(),
      IndexName: "byTenant",
      KeyConditionExpression: `${partitionKey} = :pk AND ${sortKey} = :id`,
      ExpressionAttributeValues: { ":pk": tenantKeys(tenantId), ":id": id },
    }),
  );
  const row = found.Items?.[0] as KeyRow | undefined;
  if (!row) throw notFound(id);
  if (row.revokedAt) return toInfo(row);
  const active = (await rows(tenantId)).filter((k) => !k.revokedAt);
  if (active.length <= 1)
    throw new VisibleError(
      "conflict",
      "apikey.last_key",
      "This is the tenant's last active API key; create another (POST /v1/keys) before revoking it.",
    );
  try {
    const result = await dynamo().send(
      new UpdateCommand({
        TableName: Config.table(),
        Key: { pk: row.pk, sk: row.sk },
        UpdateExpression: "SET revokedAt = :now",
        ConditionExpression: "tenantId = :tenant AND attribute_not_exists(revokedAt)",
        ExpressionAttributeValues: { ":now": new Date().toISOString(), ":tenant": tenantId },
        ReturnValues: "ALL_NEW",
      }),
    );
    forget(row.pk.slice("KEY#".length));
    return toInfo(result.Attributes as KeyRow);
  } catch (error) {
    if (isConditionFailure(error)) return revoke(id);
    throw error;
  }
}
