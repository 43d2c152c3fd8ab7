import { encodeTime } from "ulid";
import type { EventRow } from "../deployment/events";
import { EVENT_PREFIX, eventKey, key, tenantPk } from "../deployment/keys";
import type { Row } from "../deployment/row";
import { queryAll, table, tableName } from "../store";
import type { Change } from "./accrual";

/**
 * The upper bound of ids (ULIDs, lowercase) created by `ms`: ids sort by creation time, so a
 * key condition skips what came later. A minute of slack covers clocks and id creation lag.
 */
const idsUntil = (prefix: string, ms: number) => `${prefix}_${encodeTime(ms + 60_000, 10).toLowerCase()}~`;

type EventItem = Pick<EventRow, "at" | "sequence" | "to" | "reason"> & {
  data: Pick<EventRow["data"], "provider" | "hardware" | "autoscaling"> & {
    model?: { baseDeploymentId?: string };
    price?: Change["price"] | null;
    replicas?: number;
    observed?: { readyReplicas?: number | null } | null;
  };
};

/** A deployment's billing history up to `until`: one Query on its item collection, no scan. */
export async function history(deploymentId: string, until: number): Promise<Change[]> {
  const items = await queryAll<EventItem>({
    TableName: tableName(),
    KeyConditionExpression: "pk = :pk AND sk BETWEEN :first AND :last",
    ExpressionAttributeValues: {
      ":pk": key(deploymentId).pk,
      ":first": EVENT_PREFIX,
      ":last": eventKey(deploymentId, idsUntil("evt", until)).sk,
    },
    ProjectionExpression:
      "#at, #seq, #to, #reason, #d.#provider, #d.hardware, #d.autoscaling, #d.price, #d.replicas, #d.observed.readyReplicas, #d.#model.baseDeploymentId",
    ExpressionAttributeNames: {
      "#at": "at",
      "#seq": "sequence",
      "#to": "to",
      "#reason": "reason",
      "#d": "data",
      "#provider": "provider",
      "#model": "model",
    },
  });
  return items.map((e) => ({
    at: e.at,
    sequence: e.sequence,
    to: e.to,
    reason: e.reason,
    provider: e.data.provider,
    hardware: e.data.hardware,
    minReplicas: e.data.autoscaling.minReplicas,
    replicas: liveReplicas(e),
    price: e.data.price ?? undefined,
    onBase: Boolean(e.data.model?.baseDeploymentId),
  }));
}

/** What the provider reported serving at this change (observed.readyReplicas), where it reports it. */
function liveReplicas(e: EventItem): number | undefined {
  if (typeof e.data.replicas === "number") return e.data.replicas;
  const ready = e.data.observed?.readyReplicas;
  return typeof ready === "number" ? ready : undefined;
}

export type DeploymentRef = Pick<Row, "id" | "tenantId" | "name" | "provider" | "hardware" | "state">;

/**
 * The tenant's deployments that can have billed in [from, to]: created by `to` (a key
 * condition on the byTenant index, whose sort key is the id) and not deleted before `from`.
 */
export function deployments(tenantId: string, from: number, to: number): Promise<DeploymentRef[]> {
  const { partitionKey, sortKey } = table.indexes.byTenant;
  return queryAll<DeploymentRef>({
    TableName: tableName(),
    IndexName: "byTenant",
    KeyConditionExpression: "#pk = :pk AND #sk <= :last",
    FilterExpression: "NOT (#state = :deleted AND updatedAt < :from)",
    ProjectionExpression: "id, tenantId, #name, #provider, hardware, #state",
    ExpressionAttributeNames: {
      "#pk": partitionKey,
      "#sk": sortKey,
      "#state": "state",
      "#name": "name",
      "#provider": "provider",
    },
    ExpressionAttributeValues: {
      ":pk": tenantPk(tenantId),
      ":last": idsUntil("dep", to),
      ":deleted": "deleted",
      ":from": new Date(from).toISOString(),
    },
  });
}
