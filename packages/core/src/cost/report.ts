import * as z from "zod";
import { VisibleError } from "../error";
import { currentPrices } from "../hardware/price";
import type { ProviderName } from "../provider";
import { mapLimit } from "../util/map-limit";
import {
  accrue,
  byUtcDay,
  type Change,
  type CurrentPrice,
  type Piece,
  pieces,
  type Totals,
  utcDay,
} from "./accrual";
import { type DeploymentRef, deployments, history } from "./history";
import { hours, toUsd } from "./money";

const Instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .meta({ description: "A date (UTC midnight) or an ISO 8601 date-time.", example: "2026-11-01" });

export const RangeInput = z.object({
  from: Instant.optional().meta({ description: "Default: the start of this month (UTC)." }),
  to: Instant.optional().meta({ description: "Default and latest: now. Cost is accrued, never projected." }),
});
export type RangeInput = z.input<typeof RangeInput>;

export const monthStart = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};

const MAX_RANGE_MS = 400 * 86_400_000;

export function resolveRange(input: z.output<typeof RangeInput>, now: number) {
  const from = input.from ? Date.parse(input.from) : monthStart(now);
  const to = Math.min(now, input.to ? Date.parse(input.to) : now);
  if (!(from < to) || to - from > MAX_RANGE_MS) {
    throw new VisibleError(
      "input",
      "cost.invalid_range",
      "`from` must be before `to` (and before now), at most 400 days apart.",
    );
  }
  return { from, to };
}

/** Providers whose current prices a history needs: any stretch without a kept price for its hardware. */
function unkept(changes: Change[]): ProviderName[] {
  return changes.filter((c) => c.price?.hardware !== c.hardware).map((c) => c.provider);
}

export type Accrued = { ref: DeploymentRef; pieces: Piece[] };

/** Each deployment's stretches inside [from, to), read with one Query per deployment. */
export async function accrued(refs: DeploymentRef[], from: number, to: number) {
  const histories = await mapLimit(refs, 8, (ref) => history(ref.id, to));
  const current = await currentPrices(histories.flatMap(unkept));
  const list: Accrued[] = refs.map((ref, i) => ({ ref, pieces: pieces(histories[i] ?? [], from, to) }));
  return { list, current };
}

export const tenantAccrued = async (tenantId: string, from: number, to: number) =>
  accrued(await deployments(tenantId, from, to), from, to);

/** Totals as the API shows them: USD and hours, and which replica count the cost rests on. */
export function present(totals: Totals) {
  const byReason = Object.fromEntries(
    Object.entries(totals.savingsByKind).map(([kind, micros]) => [kind, toUsd(micros)]),
  ) as Record<keyof Totals["savingsByKind"], number>;
  return {
    costUsd: toUsd(totals.costMicros),
    billableHours: hours(totals.billableMs),
    replicaHours: hours(totals.replicaMs),
    alwaysOnUsd: toUsd(totals.costMicros + totals.savingsMicros),
    savingsUsd: toUsd(totals.savingsMicros),
    savingsByReason: byReason,
    unpricedHours: hours(totals.unpricedMs),
    basis:
      totals.usedLiveReplicas && totals.usedMinReplicas
        ? ("mixed" as const)
        : totals.usedLiveReplicas
          ? ("live_replicas" as const)
          : ("min_replicas" as const),
  };
}

export const GroupBy = z.enum(["deployment", "provider", "day"]);

/** Totals per group: a deployment, a provider, or a UTC day (stretches are cut at midnight). */
export function grouped(list: Accrued[], current: CurrentPrice, groupBy: z.infer<typeof GroupBy>) {
  const groups = new Map<string, Piece[]>();
  for (const { ref, pieces: own } of list) {
    const cut = groupBy === "day" ? byUtcDay(own) : own;
    for (const piece of cut) {
      const key = groupBy === "day" ? utcDay(piece.start) : groupBy === "provider" ? ref.provider : ref.id;
      const group = groups.get(key) ?? [];
      group.push(piece);
      groups.set(key, group);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, own]) => ({ key, totals: accrue(own, current) }));
}
