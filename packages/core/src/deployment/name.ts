import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { useTenant } from "../actor";
import { TransitionConflict, VisibleError } from "../error";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { isId } from "../util/id";
import { nameKey } from "./keys";
import { key, type Row } from "./row";

/**
 * A deployment's name is held by one item per tenant and name, written in the same transaction
 * as the deployment (or the rename), with a condition that no live deployment holds it: two
 * racing creates with one name can't both win. Reaching `deleted` removes the item in the same
 * transaction, so the name is free again. A deployment created without a name is named by its
 * id and holds no item: ids are unique already, and names that look like ids are refused.
 */
export { nameKey };

export type NameRow = ReturnType<typeof nameKey> & { type: "name"; deploymentId: string; name: string };

export function holdsName(row: Pick<Row, "id" | "name">): boolean {
  return row.name !== row.id;
}

/** The name item to Put beside a deployment, only if no live deployment holds the name. */
export function claim(tenantId: string, name: string, deploymentId: string) {
  const item: NameRow = { ...nameKey(tenantId, name), type: "name", deploymentId, name };
  return {
    Put: {
      TableName: tableName(),
      Item: item,
      ConditionExpression: "attribute_not_exists(pk)",
    },
  };
}

/**
 * The Delete that frees a name as its deployment becomes deleted, when it holds the name item:
 * a deployment created before names were held has none, and another may hold its name since.
 * Only the holder removes the item, so what the read saw still stands when the transaction runs.
 */
export async function releaseIfHeld(row: Pick<Row, "id" | "name" | "tenantId">) {
  if (!holdsName(row)) return [];
  const held = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: nameKey(row.tenantId, row.name), ConsistentRead: true }),
  );
  return (held.Item as NameRow | undefined)?.deploymentId === row.id ? [release(row)] : [];
}

/** The Delete that frees a held name; fails the transaction if another deployment holds it. */
export function release(row: Pick<Row, "id" | "name" | "tenantId">) {
  return {
    Delete: {
      TableName: tableName(),
      Key: nameKey(row.tenantId, row.name),
      ConditionExpression: "deploymentId = :nameOwner",
      ExpressionAttributeValues: { ":nameOwner": row.id },
    },
  };
}

export function nameTaken(name: string): VisibleError {
  return new VisibleError(
    "conflict",
    "deployment.name_taken",
    `A deployment named ${name} already exists. Pick another name, or delete that deployment first.`,
    { name },
  );
}

/** The deployment id a name points at, for the caller's tenant. */
export async function lookup(name: string): Promise<string | undefined> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: nameKey(useTenant(), name), ConsistentRead: true }),
  );
  return (result.Item as NameRow | undefined)?.deploymentId;
}

export const isDeploymentId = (value: string) => isId("deployment", value);

/**
 * Renames a deployment: the new name is claimed, the old one freed and the row updated in one
 * transaction guarded by the row's version, so a concurrent change or a racing rename loses cleanly.
 */
export async function rename(row: Row, name: string): Promise<Row> {
  if (name === row.name) return row;
  const items = [
    claim(row.tenantId, name, row.id),
    ...(await releaseIfHeld(row)),
    {
      Update: {
        TableName: tableName(),
        Key: key(row.id),
        UpdateExpression: "SET #name = :name, version = :next, updatedAt = :at",
        ConditionExpression: "version = :version AND #state <> :deleted",
        ExpressionAttributeNames: { "#name": "name", "#state": "state" },
        ExpressionAttributeValues: {
          ":name": name,
          ":next": row.version + 1,
          ":version": row.version,
          ":deleted": "deleted",
          ":at": new Date().toISOString(),
        },
      },
    },
  ];
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons?.[0]?.Code === "ConditionalCheckFailed") throw nameTaken(name);
    throw new TransitionConflict(row.id, `version ${row.version}`);
  }
  return { ...row, name, version: row.version + 1 };
}
