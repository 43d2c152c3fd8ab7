import { createHash } from "node:crypto";
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { useTenant } from "../actor";
import { VisibleError } from "../error";
import { toPrice } from "../hardware/price";
import { enqueueJob } from "../queue";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { fn } from "../util/fn";
import { createId } from "../util/id";
import { log } from "../util/log";
import { indexFields } from "./checks";
import type { EventRow } from "./events";
import { CreateInput } from "./input";
import { eventKey, idempotencyKey } from "./keys";
import { claim, nameTaken } from "./name";
import { key, type Row, tenantPk, toInfo } from "./row";
import * as Settings from "./tenant-settings";
import { checkCreate } from "./validate";
import { load } from "./write";

const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

/**
 * Records a deployment as `queued` and enqueues its first step. With an idempotency key, the
 * deployment, its first event and the key's record are written in one transaction, so a
 * retried request finds the same deployment and never a half-written one.
 */
export const create = fn(CreateInput, async (input, idempotencyKey?: string) => {
  const tenantId = useTenant();
  const { base, apiVersion, hardware, warnings } = await checkCreate(input);
  const now = new Date();
  const at = now.toISOString();
  const id = createId("deployment");
  const { hfToken, ...spec } = input.model;
  // An adapter loaded onto a deployment was trained on what that deployment serves.
  const model = base ? { ...spec, baseModel: spec.baseModel ?? base.modelName ?? base.model.source } : spec;
  const draft: Row = {
    ...key(id),
    type: "deployment",
    id,
    tenantId,
    name: input.name ?? id,
    provider: input.provider,
    state: "queued",
    model,
    hfToken,
    // A checked id under its own name (a v1 hardware id given for a Together v2 deployment).
    hardware: base?.hardware ?? hardware?.id ?? (input.hardware as string),
    apiVersion,
    region: input.region ? { name: input.region.name, required: input.region.required ?? false } : undefined,
    autoscaling: input.autoscaling,
    ...(await idleSettings(tenantId, input, base)),
    schedule: input.schedule ?? undefined,
    scheduleCursor: at,
    precision: input.precision,
    scaleToZeroMinutes: input.scaleToZero?.afterIdleMinutes,
    allowAdapters: input.allowAdapters,
    warnings: warnings.length ? warnings : undefined,
    createdAt: at,
    updatedAt: at,
    stateChangedAt: at,
    version: 1,
    checkId: "",
    checks: 0,
    tenantPk: tenantPk(tenantId),
    tenantSk: id,
  };
  // A checked hardware id comes with its price; an adapter on a deployment shows its base's.
  const price = base ? base.price : hardware && toPrice(hardware);
  const row: Row = { ...draft, price, ...indexFields(draft, now, 0) };
  const eventId = createId("event");
  const event: EventRow = {
    ...eventKey(id, eventId),
    type: "event",
    id: eventId,
    deploymentId: id,
    tenantId,
    from: null,
    to: "queued",
    reason: "created",
    at,
    sequence: 1,
    data: toInfo(row),
  };
  const items: NonNullable<TransactWriteCommandInput["TransactItems"]> = [
    { Put: { TableName: tableName(), Item: row, ConditionExpression: "attribute_not_exists(pk)" } },
    { Put: { TableName: tableName(), Item: event } },
  ];
  const idem = idempotencyKey ? idempotencyRecord(tenantId, idempotencyKey, input, id, now) : undefined;
  if (idem)
    items.push({
      Put: { TableName: tableName(), Item: idem, ConditionExpression: "attribute_not_exists(pk)" },
    });
  // Last, so its cancellation reason is the last one: a replayed idempotent request wins over it.
  if (input.name) items.push(claim(tenantId, input.name, id));

  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    if (idem && failedAt(error, 2)) return replay(idem);
    if (input.name) throw nameTaken(input.name);
    throw error;
  }
  // If this send is lost, the poller finds the overdue check and enqueues it.
  await enqueueJob({ type: "deployment.step", deploymentId: id, checkId: row.checkId }).catch((error) =>
    log.warn("first step not enqueued; the poller will pick it up", { deploymentId: id, error }),
  );
  return toInfo(row);
});

function failedAt(error: unknown, index: number) {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return reasons?.[index]?.Code === "ConditionalCheckFailed";
}

/** The request's idle policy, or the tenant's default for what it leaves out. */
async function idleSettings(tenantId: string, input: CreateInput, base: Row | undefined) {
  if (base) return { idleTimeoutMinutes: null };
  const defaults =
    input.idleTimeoutMinutes === undefined || input.idlePolicy === undefined
      ? await Settings.read(tenantId)
      : undefined;
  const policy = input.idlePolicy ?? defaults?.idlePolicy ?? {};
  return {
    idleTimeoutMinutes:
      input.idleTimeoutMinutes === undefined
        ? (defaults?.idleTimeoutMinutes ?? null)
        : input.idleTimeoutMinutes,
    idleGraceMinutes: policy.graceMinutes,
    idleWarnMinutes: policy.warnBeforeMinutes,
    deleteAfterStoppedDays: policy.deleteAfterStoppedDays,
  };
}

function idempotencyRecord(tenantId: string, header: string, input: unknown, id: string, now: Date) {
  if (header.length > 255) {
    throw new VisibleError(
      "input",
      "idempotency.key_invalid",
      "Idempotency-Key must be at most 255 characters.",
    );
  }
  return {
    ...idempotencyKey(tenantId, header),
    type: "idempotency",
    bodyHash: createHash("sha256").update(JSON.stringify(input)).digest("hex"),
    deploymentId: id,
    expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  };
}

async function replay(idem: ReturnType<typeof idempotencyRecord>) {
  const found = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: { pk: idem.pk, sk: idem.sk }, ConsistentRead: true }),
  );
  const stored = found.Item;
  if (!stored || stored.bodyHash !== idem.bodyHash) {
    throw new VisibleError(
      "conflict",
      "idempotency.key_reused",
      "This Idempotency-Key was already used with a different request body.",
    );
  }
  const row = await load(stored.deploymentId as string);
  if (!row) throw new Error(`idempotency record points at missing ${stored.deploymentId}`);
  return toInfo(row);
}
