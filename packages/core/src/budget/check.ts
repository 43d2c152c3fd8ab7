import { accrue } from "../cost/accrual";
import { type DeploymentRef, deployments } from "../cost/history";
import { formatUsd, type Micros, toUsd } from "../cost/money";
import { accrued, monthStart } from "../cost/report";
import { emitNotice } from "../deployment/notice";
import type { Row } from "../deployment/row";
import { canRequest } from "../deployment/states";
import { stopFor } from "../deployment/stop-for";
import { load as loadDeployment } from "../deployment/write";
import { log } from "../util/log";
import { mapLimit } from "../util/map-limit";
import { metric } from "../util/metrics";
import { emit } from "../webhook";
import { type BudgetRow, periodKey } from "./info";
import { all, drop, mark } from "./store";

export type CheckResult = { budgets: number; warned: string[]; exceeded: string[]; stopped: string[] };

const ref = (row: Row): DeploymentRef => ({
  id: row.id,
  tenantId: row.tenantId,
  name: row.name,
  provider: row.provider,
  hardware: row.hardware,
  state: row.state,
});
const label = (row: BudgetRow) => row.deploymentId ?? `tenant:${row.tenantId}`;

/**
 * The budget sweep: reads every budget from the budgets index (never the fleet), computes
 * this month's spend per tenant once, and warns, stops and notifies where limits are crossed.
 */
export async function check(now = new Date()): Promise<CheckResult> {
  const tenants = new Map<string, BudgetRow[]>();
  let read = 0;
  for await (const page of all()) {
    read += page.length;
    for (const row of page) tenants.set(row.tenantId, [...(tenants.get(row.tenantId) ?? []), row]);
  }
  metric.by({ sweep: "budgets" }, "SweepItemsRead", read);
  const result: CheckResult = { budgets: 0, warned: [], exceeded: [], stopped: [] };
  await mapLimit([...tenants], 4, ([tenantId, rows]) =>
    checkTenant(tenantId, rows, now, result).catch((error) =>
      log.error("budget check failed for a tenant; the next run retries", { tenantId, error }),
    ),
  );
  if (result.warned.length || result.exceeded.length || result.stopped.length)
    log.info("budgets checked", result);
  return result;
}

async function checkTenant(tenantId: string, rows: BudgetRow[], now: Date, result: CheckResult) {
  const from = monthStart(now.getTime());
  const to = now.getTime();
  const own = new Map<string, Row>();
  for (const row of rows) {
    if (!row.deploymentId) continue;
    const deployment = await loadDeployment(row.deploymentId);
    // A deleted deployment has nothing left to stop or warn about.
    if (!deployment || deployment.tenantId !== tenantId || deployment.state === "deleted") await drop(row);
    else own.set(deployment.id, deployment);
  }
  const wantsTenant = rows.some((r) => !r.deploymentId);
  const refs = wantsTenant ? await deployments(tenantId, from, to) : [...own.values()].map(ref);
  const { list, current } = await accrued(refs, from, to);
  const spent = new Map(list.map((a) => [a.ref.id, accrue(a.pieces, current).costMicros]));
  const total = [...spent.values()].reduce((sum, micros) => sum + micros, 0);

  for (const row of rows) {
    if (row.deploymentId && !own.has(row.deploymentId)) continue;
    result.budgets++;
    const targets = row.deploymentId ? refs.filter((r) => r.id === row.deploymentId) : refs;
    const amount = row.deploymentId ? (spent.get(row.deploymentId) ?? 0) : total;
    await evaluate(row, amount, targets, now, result);
  }
}

async function evaluate(
  row: BudgetRow,
  spent: Micros,
  targets: DeploymentRef[],
  now: Date,
  result: CheckResult,
) {
  const period = periodKey(now.getTime());
  const at = now.toISOString();
  const data = {
    deploymentId: row.deploymentId ?? null,
    spentUsd: toUsd(spent),
    periodStart: new Date(monthStart(now.getTime())).toISOString(),
    softLimitUsd: row.softLimitMicros ? toUsd(row.softLimitMicros) : null,
    hardLimitUsd: row.hardLimitMicros ? toUsd(row.hardLimitMicros) : null,
  };
  const soft = row.softLimitMicros;
  if (soft && spent >= soft && row.warnedPeriod !== period) {
    await notify(row, "budget.warning", { ...data, limitUsd: toUsd(soft) }, `${period}:${soft}`);
    if (await mark(row, "warned", period, at)) result.warned.push(label(row));
  }
  const hard = row.hardLimitMicros;
  if (!hard || spent < hard) return;
  const reason = `budget: spent ${formatUsd(spent)} of ${formatUsd(hard)} this month`;
  const stopped: string[] = [];
  for (const target of targets) {
    if (!canRequest(target.state, "stopping")) continue;
    if (await stopFor(target.id, reason)) stopped.push(target.id);
  }
  result.stopped.push(...stopped);
  if (row.exceededPeriod === period) return;
  await notify(
    row,
    "budget.exceeded",
    { ...data, limitUsd: toUsd(hard), reason, stopped },
    `${period}:${hard}`,
  );
  if (await mark(row, "exceeded", period, at)) result.exceeded.push(label(row));
}

/**
 * Sent before the period is marked, with a key per (budget, period, limit): if the mark is
 * lost, the next run emits again and the key makes that a no-op, so each notice goes out once.
 */
function notify(
  row: BudgetRow,
  type: "budget.warning" | "budget.exceeded",
  data: Record<string, unknown>,
  key: string,
) {
  const notice = { tenantId: row.tenantId, type, data, key: `${type}:${label(row)}:${key}` };
  return row.deploymentId ? emitNotice({ ...notice, deploymentId: row.deploymentId }) : emit(notice);
}
