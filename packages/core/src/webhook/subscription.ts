import { randomBytes } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import { useTenant } from "../actor";
import { webhookEvents } from "../deployment/events";
import { VisibleError } from "../error";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { fn } from "../util/fn";
import { createId } from "../util/id";
import { checkUrl } from "./url";

export type SubscriptionRow = {
  pk: string;
  sk: string;
  type: "webhook";
  id: string;
  tenantId: string;
  url: string;
  /** Empty means every event. */
  events: string[];
  secret: string;
  createdAt: string;
};

export const Subscription = z
  .object({
    id: z.string().meta({ example: "whk_01jd4k2z5x8q3w6e9r0t1y2u3i" }),
    url: z.string(),
    events: z.array(z.enum(webhookEvents)).meta({ description: "Empty: every event." }),
    createdAt: z.string(),
  })
  .meta({ id: "WebhookSubscription" });

export const CreateInput = z.object({
  url: z.string().max(2048),
  events: z.array(z.enum(webhookEvents)).max(webhookEvents.length).default([]),
});

const key = (tenantId: string, id: string) => ({ pk: `TEN#${tenantId}`, sk: `WHK#${id}` });
const toInfo = (row: SubscriptionRow): z.infer<typeof Subscription> => ({
  id: row.id,
  url: row.url,
  events: row.events as z.infer<typeof Subscription>["events"],
  createdAt: row.createdAt,
});

/** Returns the signing secret this once; it is never shown again. */
export const create = fn(CreateInput, async (input) => {
  const tenantId = useTenant();
  await checkUrl(input.url);
  const id = createId("webhook");
  const row: SubscriptionRow = {
    ...key(tenantId, id),
    type: "webhook",
    id,
    tenantId,
    url: input.url,
    events: [...new Set(input.events)],
    secret: `whsec_${randomBytes(32).toString("base64")}`,
    createdAt: new Date().toISOString(),
  };
  await dynamo().send(
    new PutCommand({ TableName: tableName(), Item: row, ConditionExpression: "attribute_not_exists(pk)" }),
  );
  return { ...toInfo(row), secret: row.secret };
});

export async function list() {
  const rows = await forTenant(useTenant());
  return rows.map(toInfo);
}

export async function remove(id: string) {
  try {
    await dynamo().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: key(useTenant(), id),
        ConditionExpression: "attribute_exists(pk)",
      }),
    );
  } catch (error) {
    if (isConditionFailure(error))
      throw new VisibleError("not_found", "webhook.not_found", `No webhook ${id}.`);
    throw error;
  }
}

export async function forTenant(tenantId: string): Promise<SubscriptionRow[]> {
  const rows: SubscriptionRow[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :whk)",
        ExpressionAttributeValues: { ":pk": `TEN#${tenantId}`, ":whk": "WHK#" },
        ExclusiveStartKey: start,
      }),
    );
    rows.push(...((page.Items ?? []) as SubscriptionRow[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return rows;
}

export async function load(tenantId: string, id: string) {
  const result = await dynamo().send(new GetCommand({ TableName: tableName(), Key: key(tenantId, id) }));
  return result.Item as SubscriptionRow | undefined;
}
