import type { z } from "zod";
import { useTenant } from "../actor";
import { mine } from "../deployment/query";
import { fn } from "../util/fn";
import { accrue, emptyTotals, merge, priceFor } from "./accrual";
import { accrued, GroupBy, grouped, present, RangeInput, resolveRange, tenantAccrued } from "./report";

export { hardwareList, snapshot } from "../hardware/price";
export { type Price, stopKinds } from "./accrual";
export { ScheduleInput } from "./active-hours";
export { EstimateInput, estimate } from "./estimate";
export { CostGroup, DeploymentCost, Estimate, PriceInfo, TenantCost } from "./info";
export { formatUsd, type Micros, toMicros, toUsd } from "./money";
export { monthStart, RangeInput, tenantAccrued } from "./report";

const iso = (ms: number) => new Date(ms).toISOString();

/** A deployment's accrued cost and savings in [from, to), from its state history. */
export const deployment = fn(RangeInput, async (input, id: string, now: number = Date.now()) => {
  const row = await mine(id);
  const { from, to } = resolveRange(input, now);
  const { list, current } = await accrued([row], from, to);
  const own = list[0]?.pieces ?? [];
  const prices = new Map<string, ReturnType<typeof priceFor>>();
  for (const piece of own) {
    const used = priceFor(piece.change, current);
    if (used.price) prices.set(`${used.kept}:${used.price.hardware}:${used.price.pricePerHour}`, used);
  }
  return {
    deploymentId: row.id,
    name: row.name,
    provider: row.provider,
    from: iso(from),
    to: iso(to),
    ...present(accrue(own, current)),
    prices: [...prices.values()].flatMap(({ price, kept }) => (price ? [{ ...price, kept }] : [])),
  };
});

export const TenantInput = RangeInput.extend({ groupBy: GroupBy.default("deployment") });

/** The caller's cost in [from, to), in total and per deployment, provider or UTC day. */
export const tenant = fn(TenantInput, async (input, now: number = Date.now()) => {
  const { from, to } = resolveRange(input, now);
  const { list, current } = await tenantAccrued(useTenant(), from, to);
  const names = new Map(list.map(({ ref }) => [ref.id, ref.name]));
  const groups = grouped(list, current, input.groupBy);
  return {
    from: iso(from),
    to: iso(to),
    groupBy: input.groupBy,
    total: present(groups.reduce((sum, g) => merge(sum, g.totals), emptyTotals())),
    groups: groups.map(({ key, totals }) => ({
      key,
      ...(input.groupBy === "deployment" ? { name: names.get(key) } : {}),
      ...present(totals),
    })),
  };
});

export type TenantInput = z.input<typeof TenantInput>;
