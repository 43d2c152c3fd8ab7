import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { type Fit, fitLogNormal } from "./fit";
import { type DurationScope, durationKey } from "./keys";

/**
 * The newest durations kept per scope: enough for a stable fit, few enough that the history
 * follows a provider that got faster or slower within a day or two of deployments.
 */
export const KEEP = 64;

export type DurationItem = {
  pk: string;
  sk: "DUR";
  type: "duration";
  /** Seconds from the step's start to its completion being noticed, oldest first. */
  durations?: number[];
  /** Seconds from the step's last phase (`initializing`) first seen to its completion noticed. */
  tails?: number[];
  updatedAt: string;
};

export type Durations = { history?: Fit; tail?: Fit };

/**
 * Appends one completed step. `list_append` makes concurrent completions of one scope safe
 * without a read; the list is trimmed from the front afterwards, on condition it is still too
 * long, so two trims never cut below KEEP.
 */
export async function record(scope: DurationScope, seconds: number, tail?: number, now = new Date()) {
  const appended = await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: durationKey(scope),
      UpdateExpression: [
        "SET #type = :type, updatedAt = :at, durations = list_append(if_not_exists(durations, :none), :d)",
        tail === undefined ? "" : ", tails = list_append(if_not_exists(tails, :none), :t)",
      ].join(""),
      ExpressionAttributeNames: { "#type": "type" },
      ExpressionAttributeValues: {
        ":type": "duration",
        ":at": now.toISOString(),
        ":none": [],
        ":d": [round(seconds)],
        ...(tail === undefined ? {} : { ":t": [round(tail)] }),
      },
      ReturnValues: "UPDATED_NEW",
    }),
  );
  for (const list of ["durations", "tails"] as const) {
    const length = (appended.Attributes?.[list] as number[] | undefined)?.length ?? 0;
    if (length > KEEP) await trim(scope, list, length - KEEP);
  }
  cache.delete(durationKey(scope).pk);
}

async function trim(scope: DurationScope, list: "durations" | "tails", excess: number) {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: durationKey(scope),
        UpdateExpression: `REMOVE ${Array.from({ length: excess }, (_, i) => `#l[${i}]`).join(", ")}`,
        ConditionExpression: "size(#l) > :keep",
        ExpressionAttributeNames: { "#l": list },
        ExpressionAttributeValues: { ":keep": KEEP + excess - 1 },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** A step's history changes once per completion; every check reads it, so a container keeps it a while. */
const CACHE_MS = 30_000;
const cache = new Map<string, { at: number; value: Durations }>();

export async function durations(scope: DurationScope, now = Date.now()): Promise<Durations> {
  const { pk } = durationKey(scope);
  const hit = cache.get(pk);
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  const result = await dynamo().send(new GetCommand({ TableName: tableName(), Key: durationKey(scope) }));
  const item = result.Item as DurationItem | undefined;
  const value = { history: fitLogNormal(item?.durations ?? []), tail: fitLogNormal(item?.tails ?? []) };
  cache.set(pk, { at: now, value });
  return value;
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;
