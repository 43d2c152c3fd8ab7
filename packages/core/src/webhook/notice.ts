import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod";
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

type Emitted = { id: string; sequence: number | null; duplicate: boolean };

/**
 * The next number of a deployment's event sequence. The deployment domain owns the counter (on
 * its row) and hands this in: see deployment/notice.ts.
 */
export type NextSequence = () => Promise<number>;

/**
 * Emits a notice: the row is written first with an outbox mark (so the poller's outbox sweep
 * republishes it if this process dies), then published (webhooks queue and event bus). A notice
 * about a deployment takes the next number of that deployment's sequence from `nextSequence`,
 * asked only once the notice is known not to be a duplicate, so a repeated key leaves no gap.
 */
export async function emit(raw: EmitInput & { deploymentId?: undefined }): Promise<Emitted>;
export async function emit(
  raw: EmitInput & { deploymentId: string },
  nextSequence: NextSequence,
): Promise<Emitted>;
export async function emit(raw: EmitInput, nextSequence?: NextSequence): Promise<Emitted> {
  const input = EmitInput.parse(raw);
  if (input.deploymentId && !nextSequence)
    throw new Error(
      "A notice about a deployment takes its number from the deployment: emit it with emitNotice (deployment/notice.ts)",
    );
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
  const sequence = input.deploymentId && nextSequence ? await nextSequence() : null;
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
