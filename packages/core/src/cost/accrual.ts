import { isBilled, type State } from "../deployment/states";
import type { CurrentPrice, Price } from "../hardware/price";
import type { ProviderName } from "../provider";
import { costOf, type Micros, toMicros } from "./money";

export type { CurrentPrice, Price };

/** One entry of a deployment's history, reduced to what billing needs. */
export type Change = {
  at: string;
  sequence: number;
  to: State;
  reason?: string;
  provider: ProviderName;
  hardware: string;
  minReplicas: number;
  /** Replicas actually running, where the provider reports them. */
  replicas?: number;
  /** The price kept when the deployment was created. */
  price?: Price;
  /** An adapter served from another deployment's endpoint: that deployment pays for the GPU. */
  onBase?: boolean;
};

export const stopKinds = ["idle", "schedule", "budget", "manual", "provider", "other"] as const;
export type StopKind = (typeof stopKinds)[number];

/** A stretch of time in one state, inside the window asked about. */
export type Piece = { start: number; end: number; change: Change; afterReady: boolean };

export type Totals = {
  costMicros: Micros;
  /** Wall-clock time in a billed state. */
  billableMs: number;
  /** Billed time × replicas. */
  replicaMs: number;
  /** What running through the stops would have cost: the stopped time after first ready. */
  savingsMicros: Micros;
  savingsByKind: Record<StopKind, Micros>;
  /** Billed or stopped time without a known price: counted in hours, not in money. */
  unpricedMs: number;
  usedMinReplicas: boolean;
  usedLiveReplicas: boolean;
};

export function emptyTotals(): Totals {
  return {
    costMicros: 0,
    billableMs: 0,
    replicaMs: 0,
    savingsMicros: 0,
    savingsByKind: { idle: 0, schedule: 0, budget: 0, manual: 0, provider: 0, other: 0 },
    unpricedMs: 0,
    usedMinReplicas: false,
    usedLiveReplicas: false,
  };
}

/**
 * The history cut into stretches of one state, clipped to [from, to). The last state lasts
 * until `to`, so `to` must not be later than now. Ordered by sequence, not by `at`: the
 * sequence is the deployment's version, which only ever grows.
 */
export function pieces(history: Change[], from: number, to: number): Piece[] {
  const sorted = [...history].sort((a, b) => a.sequence - b.sequence);
  const firstReady = sorted.findIndex((c) => c.to === "ready");
  const out: Piece[] = [];
  sorted.forEach((change, i) => {
    const next = sorted[i + 1];
    const start = Math.max(from, Date.parse(change.at));
    const end = Math.min(to, next ? Date.parse(next.at) : to);
    if (end > start) out.push({ start, end, change, afterReady: firstReady >= 0 && i >= firstReady });
  });
  return out;
}

const DAY_MS = 86_400_000;

/** Pieces cut at UTC midnights, so each lands in one calendar day. */
export function byUtcDay(list: Piece[]): Piece[] {
  return list.flatMap((piece) => {
    const out: Piece[] = [];
    for (let start = piece.start; start < piece.end; ) {
      const end = Math.min(piece.end, (Math.floor(start / DAY_MS) + 1) * DAY_MS);
      out.push({ ...piece, start, end });
      start = end;
    }
    return out;
  });
}

export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The stop's kind, from the reason the stop recorded ("idle: no activity…", "budget: …", "manual"). */
export function stopKind(reason: string | undefined): StopKind {
  const head = (reason ?? "").split(":")[0]?.trim() ?? "";
  return (stopKinds as readonly string[]).includes(head) ? (head as StopKind) : "other";
}

/** The price kept at creation, while the hardware is still the one it was kept for. */
export function priceFor(change: Change, current: CurrentPrice): { price?: Price; kept: boolean } {
  if (change.price && change.price.hardware === change.hardware) return { price: change.price, kept: true };
  return { price: current(change.provider, change.hardware), kept: false };
}

/** Adds one piece: billed states cost replicas × price × time; stops after first ready save it. */
export function add(totals: Totals, piece: Piece, current: CurrentPrice): Totals {
  const { change } = piece;
  const billed = isBilled(change.to);
  const saved = change.to === "stopped" && piece.afterReady;
  if ((!billed && !saved) || change.onBase) return totals;
  const ms = piece.end - piece.start;
  // Saved time is what the stopped replicas would have cost: the floor it runs with, not the 0 now serving.
  const live = change.replicas !== undefined && !saved;
  const replicas = live ? (change.replicas as number) : change.minReplicas;
  const { price } = priceFor(change, current);
  const cost = price ? costOf(toMicros(price.pricePerHour), replicas, ms) : 0;
  const next = { ...totals, unpricedMs: totals.unpricedMs + (price ? 0 : ms) };
  if (saved) {
    const kind = stopKind(change.reason);
    next.savingsMicros += cost;
    next.savingsByKind = { ...totals.savingsByKind, [kind]: totals.savingsByKind[kind] + cost };
    return next;
  }
  next.costMicros += cost;
  next.billableMs += ms;
  next.replicaMs += replicas * ms;
  next.usedLiveReplicas ||= live;
  next.usedMinReplicas ||= !live;
  return next;
}

export function merge(a: Totals, b: Totals): Totals {
  const byKind = { ...a.savingsByKind };
  for (const kind of stopKinds) byKind[kind] += b.savingsByKind[kind];
  return {
    costMicros: a.costMicros + b.costMicros,
    billableMs: a.billableMs + b.billableMs,
    replicaMs: a.replicaMs + b.replicaMs,
    savingsMicros: a.savingsMicros + b.savingsMicros,
    savingsByKind: byKind,
    unpricedMs: a.unpricedMs + b.unpricedMs,
    usedMinReplicas: a.usedMinReplicas || b.usedMinReplicas,
    usedLiveReplicas: a.usedLiveReplicas || b.usedLiveReplicas,
  };
}

export const accrue = (list: Piece[], current: CurrentPrice) =>
  list.reduce((totals, piece) => add(totals, piece, current), emptyTotals());
