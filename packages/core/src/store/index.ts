import { ConditionalCheckFailedException, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { Config } from "../config";
import { dynamo } from "../util/aws";

export { table } from "./schema";

export const tableName = () => Config.table();

/** True when a write lost its condition, alone or inside a transaction. */
export function isConditionFailure(error: unknown): boolean {
  if (error instanceof ConditionalCheckFailedException) return true;
  if (error instanceof TransactionCanceledException) {
    return error.CancellationReasons?.some((r) => r.Code === "ConditionalCheckFailed") ?? false;
  }
  return false;
}

/**
 * An UpdateExpression that turns `before` into `after`: changed attributes are SET, vanished
 * ones REMOVEd, keys untouched. Writing only the difference keeps concurrent writers of other
 * attributes (activity heartbeats) from being overwritten by a stale read.
 */
export function diffUpdate(before: Record<string, unknown>, after: Record<string, unknown>, skip: string[]) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  let n = 0;
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = after[k];
    const b = before[k];
    if (skip.includes(k) || (a === undefined && b === undefined)) continue;
    if (a !== undefined && JSON.stringify(a) === JSON.stringify(b)) continue;
    const name = `#a${n}`;
    names[name] = k;
    if (a === undefined) removes.push(name);
    else {
      values[`:a${n}`] = a;
      sets.push(`${name} = :a${n}`);
    }
    n++;
  }
  const expression = [
    sets.length ? `SET ${sets.join(", ")}` : "",
    removes.length ? `REMOVE ${removes.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return { expression, names, values };
}

/** Every page of a Query, in order: each page's items, following LastEvaluatedKey to the end. */
export async function* pages<T>(input: QueryCommandInput): AsyncGenerator<T[]> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    yield (page.Items ?? []) as T[];
    start = page.LastEvaluatedKey;
  } while (start);
}

/** Every item a Query matches, across all its pages. */
export async function queryAll<T>(input: QueryCommandInput): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages<T>(input)) items.push(...page);
  return items;
}

/**
 * Opaque pagination cursors over DynamoDB's LastEvaluatedKey. `decode` answers only a key with
 * exactly the attributes the query's index returns, each a short string: anything else would
 * reach DynamoDB as an ExclusiveStartKey it rejects, which is the caller's mistake, not ours.
 */
export const cursor = {
  encode: (key: Record<string, unknown> | undefined) =>
    key ? Buffer.from(JSON.stringify(key)).toString("base64url") : null,
  decode: (value: string | undefined, keys: string[]): Record<string, string> | undefined => {
    if (!value || value.length > 4096) return undefined;
    try {
      const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString());
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
      const entries = Object.entries(parsed);
      const valid =
        entries.length === keys.length &&
        entries.every(
          ([k, v]) => keys.includes(k) && typeof v === "string" && v.length > 0 && v.length <= 1024,
        );
      return valid ? (parsed as Record<string, string>) : undefined;
    } catch {
      return undefined;
    }
  },
};
