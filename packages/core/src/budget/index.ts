import type { z } from "zod";
import { useTenant } from "../actor";
import { accrue, emptyTotals, merge } from "../cost/accrual";
import { accrued, monthStart, tenantAccrued } from "../cost/report";
import { mine } from "../deployment/query";
import { VisibleError } from "../error";
import { fn } from "../util/fn";
import { type Budget, BudgetInput, type BudgetRow, periodKey, statusOf } from "./info";
import { load, remove, type Scope, save } from "./store";

export { type CheckResult, check } from "./check";
export { Budget, BudgetInput } from "./info";

function toInfo(row: BudgetRow, spent: number, now: number): Budget {
  const period = periodKey(now);
  const soft = row.softLimitMicros;
  const hard = row.hardLimitMicros;
  return {
    scope: row.deploymentId ? "deployment" : "tenant",
    deploymentId: row.deploymentId ?? null,
    period: row.period,
    softLimitUsd: soft ? soft / 1e6 : null,
    hardLimitUsd: hard ? hard / 1e6 : null,
    periodStart: new Date(monthStart(now)).toISOString(),
    spentUsd: spent / 1e6,
    status: statusOf(spent, soft, hard),
    warnedAt: row.warnedPeriod === period ? (row.warnedAt ?? null) : null,
    exceededAt: row.exceededPeriod === period ? (row.exceededAt ?? null) : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** This month's spend for the budget's scope, computed like GET /v1/cost. */
async function spentFor(scope: Scope, now: number) {
  const from = monthStart(now);
  if (!scope.deploymentId) {
    const { list, current } = await tenantAccrued(scope.tenantId, from, now);
    return list.reduce((sum, a) => merge(sum, accrue(a.pieces, current)), emptyTotals()).costMicros;
  }
  const row = await mine(scope.deploymentId);
  const { list, current } = await accrued([row], from, now);
  return accrue(list[0]?.pieces ?? [], current).costMicros;
}

async function scopeOf(deploymentId?: string): Promise<Scope> {
  const tenantId = useTenant();
  return { tenantId, deploymentId: deploymentId ? (await mine(deploymentId)).id : undefined };
}

async function read(deploymentId: string | undefined, now: number) {
  const scope = await scopeOf(deploymentId);
  const row = await load(scope);
  if (!row) throw new VisibleError("not_found", "budget.not_found", "There is no budget here.");
  return toInfo(row, await spentFor(scope, now), now);
}

async function write(input: z.output<typeof BudgetInput>, deploymentId: string | undefined, now: number) {
  const scope = await scopeOf(deploymentId);
  return toInfo(await save(scope, input, new Date(now)), await spentFor(scope, now), now);
}

export const setForTenant = fn(BudgetInput, (input, now: number = Date.now()) =>
  write(input, undefined, now),
);
export const setForDeployment = fn(BudgetInput, (input, id: string, now: number = Date.now()) =>
  write(input, id, now),
);
export const getForTenant = (now = Date.now()) => read(undefined, now);
export const getForDeployment = (id: string, now = Date.now()) => read(id, now);
export const clearForTenant = async () => remove(await scopeOf());
export const clearForDeployment = async (id: string) => remove(await scopeOf(id));
