import { GetCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod";
import { VisibleError } from "../error";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { createId } from "../util/id";
import { catalogue, type NoticeType, noticeTypes } from "./catalogue";
import { publish } from "./outbox";

const RETENTION_SECONDS = 30 * 24 * 3600;

/** A notice as stored (pk EVT#<id>, sk NOTICE), with an outbox mark until it is queued. */
export type NoticeRow = {
  pk: string;
  sk: "NOTICE";
  type: "notice";
  id: string;
  tenantId: string;
  webhook: NoticeType;
  deploymentId?: string;
  sequence: number | null;
  at: string;
  data: Record<string, unknown>;
  outboxPk?: string;
  outboxAt?: string;
  expiresAt: number;
};

export const EmitInput = z.object({
  tenantId: z.string(),
  type: z.enum(noticeTypes),
  deploymentId: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
  /** Emitting twice with the same key (per tenant, for 30 days) emits once. */
  key: z.string().max(200).optional(),
});
export type EmitInput = z.input<typeof EmitInput>;

export const noticeKey = (eventId: string) => ({ pk: `EVT#${eventId}`, sk: "NOTICE" as const });
const dedupeKey = (tenantId: string, key: string) => ({ pk: `NTK#${tenantId}#${key}`, sk: "NTK" });

export function noticeRow(input: {
  tenantId: string;
  type: NoticeType;
  deploymentId?: string;
  sequence: number | null;
  data: Record<string, unknown>;
  at?: Date;
}): NoticeRow {
  const id = createId("event");
  const at = (input.at ?? new Date()).toISOString();
  return {
    ...noticeKey(id),
    type: "notice",
    id,
    tenantId: input.tenantId,
    webhook: input.type,
    deploymentId: input.deploymentId,
    sequence: input.sequence,
    at,
    data: input.data,
    outboxPk: "OUTBOX",
    outboxAt: at,
    expiresAt: Math.floor(Date.parse(at) / 1000) + RETENTION_SECONDS,
  };
}

/**
 * Emits a notice: the row is written first with an outbox mark (so the poller's outbox sweep
 * republishes it if this process dies), then published (webhooks queue and event bus). A notice about a
 * deployment takes the next number of that deployment's sequence.
 */
export async function emit(
  raw: EmitInput,
): Promise<{ id: string; sequence: number | null; duplicate: boolean }> {
  const input = EmitInput.parse(raw);
  const data = input.deploymentId ? { ...input.data, deploymentId: input.deploymentId } : input.data;
  const checked = catalogue[input.type].data.safeParse(data);
  if (!checked.success)
    throw new Error(`${input.type} data does not match the catalogue: ${checked.error.message}`);
  if (input.key) {
    const seen = await dynamo().send(
      new GetCommand({
        TableName: tableName(),
        Key: dedupeKey(input.tenantId, input.key),
        ConsistentRead: true,
      }),
    );
    if (seen.Item) return { id: String(seen.Item.eventId), sequence: null, duplicate: true };
  }
  const sequence = input.deploymentId ? await nextSequence(input.tenantId, input.deploymentId) : null;
  const row = noticeRow({ ...input, sequence, data: checked.data as Record<string, unknown> });
  const put = { TableName: tableName(), Item: row, ConditionExpression: "attribute_not_exists(pk)" };
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: put },
          ...(input.key
            ? [
                {
                  Put: {
                    TableName: tableName(),
                    Item: {
                      ...dedupeKey(input.tenantId, input.key),
                      eventId: row.id,
                      expiresAt: row.expiresAt,
                    },
                    ConditionExpression: "attribute_not_exists(pk)",
                  },
                },
              ]
            : []),
        ],
      }),
    );
  } catch (error) {
    if (!input.key || !isConditionFailure(error)) throw error;
    const seen = await dynamo().send(
      new GetCommand({
        TableName: tableName(),
        Key: dedupeKey(input.tenantId, input.key),
        ConsistentRead: true,
      }),
    );
    return { id: String(seen.Item?.eventId), sequence: null, duplicate: true };
  }
  await publish(row);
  return { id: row.id, sequence, duplicate: false };
}

/**
 * The deployment's next sequence number: `ADD version 1` on its row. The row is the deployment
 * domain's (deployment/keys.ts builds this key); it is spelled here because importing it would
 * close a cycle between the two domains, since deployment publishes through webhook. Every other writer is
 * guarded by the version it read (workers re-apply their change on a fresh row), so no two
 * events of a deployment share a number.
 */
export async function nextSequence(tenantId: string, deploymentId: string): Promise<number> {
  try {
    const result = await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: `DEP#${deploymentId}`, sk: "META" },
        UpdateExpression: "ADD version :one",
        ConditionExpression: "attribute_exists(pk) AND tenantId = :tenant",
        ExpressionAttributeValues: { ":one": 1, ":tenant": tenantId },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    return Number(result.Attributes?.version);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    throw new VisibleError("not_found", "deployment.not_found", `No deployment ${deploymentId}.`);
  }
}
