import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { useTenant } from "../actor";
import { VisibleError } from "../error";
import type { ProviderName } from "../provider";
import { cursor, queryAll, table, tableName } from "../store";
import { dynamo } from "../util/aws";
import { fn } from "../util/fn";
import { shownId } from "../util/id";
import { type EventInfo, type EventRow, toEventInfo, toProviderEventInfo } from "./events";
import { ListInput, Name } from "./input";
import { EVENT_PREFIX, key, PROVIDER_EVENT_PREFIX } from "./keys";
import { isDeploymentId, lookup } from "./name";
import type { ProviderEventRow } from "./provider-events";
import { type Row, tenantPk, toInfo } from "./row";
import { load } from "./write";

const notFound = (ref: string) =>
  new VisibleError("not_found", "deployment.not_found", `No deployment ${shownId(ref)}.`);

/**
 * The caller's deployment, by id or by name; another tenant's is indistinguishable from a
 * missing one. A deleted deployment is found by its id only: its name is free for a new one.
 * Text that can be neither is refused before the store sees it (DynamoDB refuses keys over
 * 2 KB with an error that is not the caller's to read).
 */
export async function mine(ref: string): Promise<Row> {
  const tenantId = useTenant();
  if (!isDeploymentId(ref) && !Name.safeParse(ref).success) throw notFound(ref);
  const id = isDeploymentId(ref) ? ref : await lookup(ref);
  const row = id ? await load(id) : undefined;
  if (!row || row.tenantId !== tenantId) throw notFound(ref);
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
  if (input.apiVersion) {
    // Together rows written before v2 carry no apiVersion: they live on v1.
    const v1 = input.apiVersion === "v1" ? " OR attribute_not_exists(#apiVersion)" : "";
    filters.push(`#gen = :gen AND (#apiVersion = :apiVersion${v1})`);
    names["#gen"] = "provider";
    names["#apiVersion"] = "apiVersion";
    values[":gen"] = "together";
    values[":apiVersion"] = input.apiVersion;
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

/**
 * Models Hangar uploaded for the caller's deployments on a provider, once the upload is done:
 * Hangar's own record, so another tenant's uploads to the same provider account never show.
 */
export async function uploads(provider: ProviderName) {
  const rows = await queryAll<Pick<Row, "id" | "name" | "state" | "model" | "modelName" | "endpointId">>({
    TableName: tableName(),
    IndexName: "byTenant",
    KeyConditionExpression: `${table.indexes.byTenant.partitionKey} = :pk`,
    FilterExpression:
      "#provider = :provider AND attribute_exists(uploadJobId) AND attribute_exists(modelName)",
    ProjectionExpression: "id, #name, #state, model, modelName, endpointId",
    ExpressionAttributeNames: { "#provider": "provider", "#name": "name", "#state": "state" },
    ExpressionAttributeValues: { ":pk": tenantPk(useTenant()), ":provider": provider },
  });
  const uploading = ["queued", "uploading", "deleting", "deleted"];
  return rows
    .filter((r) => !uploading.includes(r.state) && (r.state !== "failed" || r.endpointId))
    .map((r) => ({
      modelName: r.modelName as string,
      source: r.model.source,
      deploymentId: r.id,
      name: r.name,
    }));
}

/** The caller's deployments that take traffic now (ready), newest first. */
export async function serving() {
  const items = await queryAll<Row>({
    TableName: tableName(),
    IndexName: "byTenant",
    KeyConditionExpression: `${table.indexes.byTenant.partitionKey} = :pk`,
    FilterExpression: "#state = :ready",
    ExpressionAttributeNames: { "#state": "state" },
    ExpressionAttributeValues: { ":pk": tenantPk(useTenant()), ":ready": "ready" },
    ScanIndexForward: false,
  });
  return items.map(toInfo);
}

/**
 * The state history (kind `hangar`) and what the provider's own feed said (kind `provider`),
 * oldest first; `kind` keeps one of the two.
 */
export async function events(ref: string, kind?: EventInfo["kind"]): Promise<EventInfo[]> {
  const { id } = await mine(ref);
  const read = <T>(prefix: string) =>
    queryAll<T>({
      TableName: tableName(),
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: { ":pk": key(id).pk, ":prefix": prefix },
    });
  const [own, provider] = await Promise.all([
    kind === "provider" ? [] : read<EventRow>(EVENT_PREFIX),
    kind === "hangar" ? [] : read<ProviderEventRow>(PROVIDER_EVENT_PREFIX),
  ]);
  // A stable merge: Hangar's events keep their order (by sequence) among themselves.
  return [...own.map(toEventInfo), ...provider.map(toProviderEventInfo)].sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : 0,
  );
}
