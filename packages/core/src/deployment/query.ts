import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { useTenant } from "../actor";
import { VisibleError } from "../error";
import { cursor, queryAll, table, tableName } from "../store";
import { dynamo } from "../util/aws";
import { fn } from "../util/fn";
import { isId, shownId } from "../util/id";
import { type EventRow, toEventInfo } from "./events";
import { ListInput } from "./input";
import { type Row, tenantPk, toInfo } from "./row";
import { load } from "./write";

const notFound = (id: string) =>
  new VisibleError("not_found", "deployment.not_found", `No deployment ${shownId(id)}.`);

/**
 * The caller's deployment; another tenant's is indistinguishable from a missing one, and so is
 * text that cannot be a deployment id (checked before the store sees it: DynamoDB refuses keys
 * over 2 KB with an error that is not the caller's to read).
 */
export async function mine(id: string): Promise<Row> {
  if (!isId("deployment", id)) throw notFound(id);
  const row = await load(id);
  if (!row || row.tenantId !== useTenant()) throw notFound(id);
  return row;
}

export async function get(id: string) {
  return toInfo(await mine(id));
}

const { partitionKey, sortKey } = table.indexes.byTenant;

export const list = fn(ListInput, async (input) => {
  const pk = tenantPk(useTenant());
  const start = cursor.decode(input.cursor, ["pk", "sk", partitionKey, sortKey]);
  if ((input.cursor && !start) || (start && start[partitionKey] !== pk))
    throw new VisibleError(
      "input",
      "request.invalid_cursor",
      "The cursor is not valid: pass a nextCursor as given.",
    );
  // DynamoDB refuses a name or value the expressions don't use, so each filter brings its own.
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ":pk": pk };
  for (const field of ["state", "provider"] as const) {
    if (input[field] === undefined) continue;
    filters.push(`#${field} = :${field}`);
    names[`#${field}`] = field;
    values[`:${field}`] = input[field];
  }
  const result = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: "byTenant",
      KeyConditionExpression: `${partitionKey} = :pk`,
      FilterExpression: filters.length ? filters.join(" AND ") : undefined,
      ExpressionAttributeNames: filters.length ? names : undefined,
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      Limit: input.limit,
      ExclusiveStartKey: start,
    }),
  );
  return {
    data: (result.Items as Row[]).map(toInfo),
    nextCursor: cursor.encode(result.LastEvaluatedKey),
  };
});

/** The state history, oldest first. */
export async function events(id: string) {
  await mine(id);
  const items = await queryAll<EventRow>({
    TableName: tableName(),
    KeyConditionExpression: "pk = :pk AND begins_with(sk, :evt)",
    ExpressionAttributeValues: { ":pk": `DEP#${id}`, ":evt": "EVT#" },
  });
  return items.map(toEventInfo);
}
