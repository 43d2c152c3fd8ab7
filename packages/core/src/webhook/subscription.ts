import { randomBytes } from "node:crypto";
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod";
import { useTenant } from "../actor";
import { VisibleError } from "../error";
import { isConditionFailure, queryAll, tableName } from "../store";
import { dynamo } from "../util/aws";
import { fn } from "../util/fn";
import { createId, isId, shownId } from "../util/id";
import { eventTypes } from "./catalogue";
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
  /** Still signs deliveries, next to `secret`, until `previousSecretExpiresAt`. */
  previousSecret?: string;
  previousSecretExpiresAt?: string;
  /** Missing on rows written before subscriptions could be disabled: active. */
  status?: "active" | "disabled";
  disabledAt?: string;
  disabledReason?: string;
  /** Set by the first failed attempt after a success; removed by the next success. */
  failingSince?: string;
  createdAt: string;
};

export const Subscription = z
  .object({
    id: z.string().meta({ example: "whk_01jd4k2z5x8q3w6e9r0t1y2u3i" }),
    url: z.string(),
    events: z.array(z.enum(eventTypes)).meta({ description: "Empty: every event." }),
    status: z.enum(["active", "disabled"]),
    disabledReason: z.string().nullable(),
    disabledAt: z.string().nullable(),
    failingSince: z
      .string()
      .nullable()
      .meta({ description: "Since when every delivery attempt has failed; null while healthy." }),
    previousSecretExpiresAt: z
      .string()
      .nullable()
      .meta({ description: "After a rotation, until when the old secret also signs deliveries." }),
    createdAt: z.string(),
  })
  .meta({ id: "WebhookSubscription" });
export type Subscription = z.infer<typeof Subscription>;

const Events = z.array(z.enum(eventTypes)).max(eventTypes.length);

export const CreateInput = z.object({
  url: z.string().max(2048),
  events: Events.default([]),
});

export const UpdateInput = z
  .object({
    url: z.string().max(2048).optional(),
    events: Events.optional(),
    status: z
      .enum(["active", "disabled"])
      .optional()
      .meta({ description: "`active` re-enables a disabled subscription and clears its failure record." }),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to change.");

export const key = (tenantId: string, id: string) => ({ pk: `TEN#${tenantId}`, sk: `WHK#${id}` });
export const isActive = (row: SubscriptionRow) => (row.status ?? "active") === "active";
export const listensTo = (row: SubscriptionRow, type: string) =>
  row.events.length === 0 || row.events.includes(type);

export const toInfo = (row: SubscriptionRow): Subscription => ({
  id: row.id,
  url: row.url,
  events: row.events as Subscription["events"],
  status: row.status ?? "active",
  disabledReason: row.disabledReason ?? null,
  disabledAt: row.disabledAt ?? null,
  failingSince: row.failingSince ?? null,
  previousSecretExpiresAt:
    row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date().toISOString()
      ? row.previousSecretExpiresAt
      : null,
  createdAt: row.createdAt,
});

export const newSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

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
    secret: newSecret(),
    status: "active",
    createdAt: new Date().toISOString(),
  };
  await dynamo().send(
    new PutCommand({ TableName: tableName(), Item: row, ConditionExpression: "attribute_not_exists(pk)" }),
  );
  return { ...toInfo(row), secret: row.secret };
});

/**
 * Changes url, events or status. Re-enabling clears the failure record, so the disable
 * window starts afresh; pending deliveries cancelled while disabled can be redelivered.
 */
export const update = fn(UpdateInput, async (input, id: string) => {
  checkId(id);
  const tenantId = useTenant();
  if (input.url !== undefined) await checkUrl(input.url);
  const sets: string[] = [];
  const removes: string[] = [];
  const values: Record<string, unknown> = {};
  if (input.url !== undefined) {
    sets.push("#url = :url");
    values[":url"] = input.url;
  }
  if (input.events !== undefined) {
    sets.push("events = :events");
    values[":events"] = [...new Set(input.events)];
  }
  if (input.status === "active") {
    sets.push("#status = :status");
    removes.push("disabledAt", "disabledReason", "failingSince");
    values[":status"] = "active";
  } else if (input.status === "disabled") {
    sets.push("#status = :status", "disabledAt = :at", "disabledReason = :reason");
    Object.assign(values, { ":status": "disabled", ":at": new Date().toISOString(), ":reason": "manual" });
  }
  try {
    const result = await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key(tenantId, id),
        UpdateExpression: [`SET ${sets.join(", ")}`, removes.length ? `REMOVE ${removes.join(", ")}` : ""]
          .join(" ")
          .trim(),
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: {
          ...(input.url !== undefined ? { "#url": "url" } : {}),
          ...(input.status ? { "#status": "status" } : {}),
        },
        ExpressionAttributeValues: values,
        ReturnValues: "ALL_NEW",
      }),
    );
    return toInfo(result.Attributes as SubscriptionRow);
  } catch (error) {
    if (isConditionFailure(error)) throw notFound(id);
    throw error;
  }
});

export async function list() {
  const rows = await forTenant(useTenant());
  return rows.map(toInfo);
}

export async function remove(id: string) {
  checkId(id);
  try {
    await dynamo().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: key(useTenant(), id),
        ConditionExpression: "attribute_exists(pk)",
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw notFound(id);
    throw error;
  }
}

export const notFound = (id: string) =>
  new VisibleError("not_found", "webhook.not_found", `No webhook ${shownId(id)}.`);

/** Text that cannot be a subscription id names none; the store never sees it. */
function checkId(id: string) {
  if (!isId("webhook", id)) throw notFound(id);
}

/** The caller's subscription; another tenant's is indistinguishable from a missing one. */
export async function mine(id: string) {
  checkId(id);
  const row = await load(useTenant(), id);
  if (!row) throw notFound(id);
  return row;
}

export async function forTenant(tenantId: string): Promise<SubscriptionRow[]> {
  return queryAll<SubscriptionRow>({
    TableName: tableName(),
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :whk)",
    ExpressionAttributeValues: { ":pk": `TEN#${tenantId}`, ":whk": "WHK#" },
  });
}

export async function load(tenantId: string, id: string) {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: key(tenantId, id), ConsistentRead: true }),
  );
  return result.Item as SubscriptionRow | undefined;
}
