import { createHash, randomBytes } from "node:crypto";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Actor } from "../actor";
import { Config } from "../config";
import { dynamo } from "../util/aws";
import { createId } from "../util/id";
import { cached, remember } from "./cache";

/** Generated keys look like `hk_<43 chars>`; only a key's SHA-256 is stored, and lookups go by it. */
const PREFIX = "hk_";

function hash(key: string) {
  return createHash("sha256").update(key).digest("hex");
}

export function generate(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** Stores a key (generated unless given) for a tenant and returns it; the plain key is not kept. */
export async function create(input: { tenantId: string; key?: string; name?: string }) {
  const key = input.key ?? generate();
  const id = createId("key");
  await dynamo().send(
    new PutCommand({
      TableName: Config.table(),
      Item: {
        pk: `KEY#${hash(key)}`,
        sk: "KEY",
        type: "apikey",
        id,
        tenantId: input.tenantId,
        name: input.name ?? null,
        createdAt: new Date().toISOString(),
      },
      // Re-registering the same key for the same tenant is a no-op; for another tenant it fails.
      ConditionExpression: "attribute_not_exists(pk) OR tenantId = :tenant",
      ExpressionAttributeValues: { ":tenant": input.tenantId },
    }),
  );
  return { id, key, tenantId: input.tenantId };
}

/** The actor a bearer key stands for, or undefined. */
export async function verify(key: string): Promise<Actor | undefined> {
  const digest = hash(key);
  const hit = cached(digest);
  if (hit) return hit;
  const result = await dynamo().send(
    new GetCommand({ TableName: Config.table(), Key: { pk: `KEY#${digest}`, sk: "KEY" } }),
  );
  const item = result.Item;
  if (!item) return undefined;
  const actor: Actor = { type: "tenant", tenantId: item.tenantId as string, keyId: item.id as string };
  remember(digest, actor);
  return actor;
}
