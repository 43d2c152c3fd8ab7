import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { indexFields } from "@hangar/core/deployment/checks";
import { key, type Row, tenantPk } from "@hangar/core/deployment/row";
import { tableName } from "@hangar/core/store/index";
import { dynamo } from "@hangar/core/util/aws";
import { createId } from "@hangar/core/util/id";

/** What is due about a row: its idle stop (duePolicy), its provider check (dueChecks), or nothing. */
export type Due = "policy" | "check" | "none";

const MINUTE = 60_000;
const TENANTS = 50;
const IDLE_MINUTES = 30;
/** Not-due checks an hour out, so nothing loaded early becomes overdue while the bench runs. */
const CHECK_LATER_SECONDS = 3600;
const CHECK_OVERDUE_SECONDS = -600;

/**
 * A ready deployment as core stores it: the index attributes come from core's own `indexFields`.
 * A policy-due row had its last activity two hours ago (idle deadline 90 minutes past); the
 * others had activity just now (deadline 30 minutes ahead).
 */
export function readyRow(due: Due, n: number, now = new Date(), id = createId("deployment")): Row {
  const tenantId = `ten_bench${String(n % TENANTS).padStart(2, "0")}`;
  const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE).toISOString();
  const hardware = "1x_nvidia_h100_80gb_sxm";
  const row: Row = {
    ...key(id),
    type: "deployment",
    id,
    tenantId,
    name: `bench-${id.slice(-6)}`,
    provider: "together",
    state: "ready",
    model: { source: `hf://acme/bench-7b-${n % 97}`, type: "model" },
    hardware,
    autoscaling: { minReplicas: 1, maxReplicas: 1 },
    idleTimeoutMinutes: IDLE_MINUTES,
    price: { hardware, pricePerHour: 3.36, priceSource: "provider", priceAsOf: ago(600) },
    scheduleCursor: ago(180),
    uploadJobId: `ft-${id.slice(-12)}`,
    uploadStatus: "completed",
    modelName: `hangar/bench-7b-${id.slice(-8)}`,
    endpointId: `endpoint-${id.slice(-12)}`,
    endpointName: `hangar/bench-7b-${id.slice(-8)}-endpoint`,
    endpointState: "STARTED",
    lastActivityAt: due === "policy" ? ago(120) : now.toISOString(),
    createdAt: ago(180),
    updatedAt: ago(1),
    stateChangedAt: ago(150),
    version: 6,
    checkId: "",
    checks: 0,
    tenantPk: tenantPk(tenantId),
    tenantSk: id,
  };
  const next = due === "check" ? CHECK_OVERDUE_SECONDS : CHECK_LATER_SECONDS;
  return { ...row, ...indexFields(row, now, next) };
}

/**
 * Writes rows 25 to a BatchWriteItem, `parallel` requests at a time, resending what DynamoDB
 * left unprocessed. `progress` hears the running total.
 */
export async function putRows(rows: Row[], parallel: number, progress: (written: number) => void) {
  let next = 0;
  let written = 0;
  const worker = async () => {
    for (;;) {
      const start = next;
      next += 25;
      if (start >= rows.length) return;
      const batch = rows.slice(start, start + 25);
      let requests = batch.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 1; requests.length > 0; attempt++) {
        if (attempt > 8) throw new Error(`${requests.length} rows stayed unprocessed`);
        const out = await dynamo().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
        requests = (out.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
      }
      written += batch.length;
      progress(written);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
