import { randomBytes } from "node:crypto";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { Config } from "../config";
import { dynamo } from "../util/aws";
import { createId } from "../util/id";
import { hash, type KeyRow, keyItem, PREFIX, tenantKeys } from "./row";

export function generate(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/**
 * Stores a key (generated unless given) for a tenant and returns it; the plain key is not kept.
 * Registering a key again (the local stack does at every start) keeps its id and does not undo
 * a revocation: `revoked` says so, and the caller picks another key. A key of another tenant fails.
 */
export async function create(input: { tenantId: string; key?: string; name?: string }) {
  const key = input.key ?? generate();
  const now = new Date().toISOString();
  const result = await dynamo().send(
    new UpdateCommand({
      TableName: Config.table(),
      Key: keyItem(hash(key)),
      UpdateExpression: [
        "SET #type = :type, tenantId = :tenant, #name = :name, prefix = :prefix, last4 = :last4",
        "id = if_not_exists(id, :id), createdAt = if_not_exists(createdAt, :now)",
        "tenantPk = :tenantPk, tenantSk = if_not_exists(id, :id)",
      ].join(", "),
      ConditionExpression: "attribute_not_exists(pk) OR tenantId = :tenant",
      ExpressionAttributeNames: { "#type": "type", "#name": "name" },
      ExpressionAttributeValues: {
        ":type": "apikey",
        ":tenant": input.tenantId,
        ":name": input.name ?? null,
        ":prefix": key.startsWith(PREFIX) ? PREFIX : key.slice(0, 3),
        ":last4": key.slice(-4),
        ":id": createId("key"),
        ":now": now,
        ":tenantPk": tenantKeys(input.tenantId),
      },
      ReturnValues: "ALL_NEW",
    }),
  );
  const row = result.Attributes as KeyRow;
  return { id: row.id, key, tenantId: input.tenantId, revoked: row.revokedAt !== undefined, row };
}
