import {
  accrue,
  byUtcDay,
  type Change,
  liveReplicas,
  type Price,
  pieces,
  stopKind,
  utcDay,
} from "@hangar/core/cost/accrual";
import { costOf, toMicros } from "@hangar/core/cost/money";
import { describe, expect, it } from "vitest";

const H100: Price = {
  hardware: "h100",
  pricePerHour: 3.36,
  priceSource: "provider",
  priceAsOf: "2026-11-01T00:00:00Z",
};
const t = (hhmm: string, day = "2026-11-10") => `${day}T${hhmm}:00.000Z`;
const ms = (iso: string) => Date.parse(iso);
let sequence = 0;
const change = (at: string, to: Change["to"], extra: Partial<Change> = {}): Change => ({
  at,
  sequence: ++sequence,
  to,
  provider: "together",
  hardware: "h100",
  minReplicas: 1,
  price: H100,
  ...extra,
});
const none = () => undefined;
const usd = (micros: number) => micros / 1e6;

/** queued 09:00 → provisioning 09:00 → ready 09:10 → stopping 11:10 → stopped 11:12 → starting 13:12 → ready 13:20 */
const lifecycle = () => [
  change(t("09:00"), "queued", { reason: "created" }),
  change(t("09:00"), "provisioning"),
  change(t("09:10"), "ready"),
  change(t("11:10"), "stopping", { reason: "idle: no activity for 30 min (timeout 30 min)" }),
  change(t("11:12"), "stopped", { reason: "idle: no activity for 30 min (timeout 30 min)" }),
  change(t("13:12"), "starting", { reason: "manual" }),
  change(t("13:20"), "ready"),
];

describe("accrual", () => {
  it("bills only the billed states, at replicas × price per replica-hour", () => {
    const totals = accrue(pieces(lifecycle(), ms(t("00:00")), ms(t("14:20"))), none);
    // provisioning 10 + ready 120 + stopping 2 + starting 8 + ready 60 = 200 minutes
    expect(totals.billableMs).toBe(200 * 60_000);
    expect(usd(totals.costMicros)).toBeCloseTo((3.36 * 200) / 60, 6);
    expect(totals.usedMinReplicas).toBe(true);
    expect(totals.usedLiveReplicas).toBe(false);
  });

  it("counts the stopped time after first ready as savings, by what stopped it", () => {
    const totals = accrue(pieces(lifecycle(), ms(t("00:00")), ms(t("14:20"))), none);
    expect(usd(totals.savingsMicros)).toBeCloseTo(3.36 * 2, 6);
    expect(usd(totals.savingsByKind.idle)).toBeCloseTo(3.36 * 2, 6);
    expect(totals.savingsByKind.manual).toBe(0);
  });

  it("bills min replicas as the floor, and follows replica changes over time", () => {
    const history = [
      change(t("10:00"), "ready", { minReplicas: 2 }),
      change(t("11:00"), "updating", { minReplicas: 2 }),
      change(t("11:30"), "ready", { minReplicas: 4 }),
    ];
    const totals = accrue(pieces(history, ms(t("10:00")), ms(t("12:30"))), none);
    expect(totals.replicaMs / 3_600_000).toBeCloseTo(2 * 1.5 + 4 * 1, 9);
    expect(usd(totals.costMicros)).toBeCloseTo(3.36 * 7, 6);
  });

  it("uses live replicas where the history carries them", () => {
    const history = [change(t("10:00"), "ready", { minReplicas: 1, replicas: 3 })];
    const totals = accrue(pieces(history, ms(t("10:00")), ms(t("11:00"))), none);
    expect(usd(totals.costMicros)).toBeCloseTo(3.36 * 3, 6);
    expect(totals.usedLiveReplicas).toBe(true);
    expect(totals.usedMinReplicas).toBe(false);
  });

  it("counts a stop's savings at the floor it ran with, not the zero replicas the provider reports while stopped", () => {
    const history = [
      change(t("10:00"), "ready", { minReplicas: 2, replicas: 2 }),
      change(t("11:00"), "stopped", { minReplicas: 2, replicas: 0, reason: "manual" }),
    ];
    const totals = accrue(pieces(history, ms(t("10:00")), ms(t("12:00"))), none);
    expect(usd(totals.costMicros)).toBeCloseTo(3.36 * 2, 6);
    expect(usd(totals.savingsMicros)).toBeCloseTo(3.36 * 2, 6);
    expect(totals.usedMinReplicas).toBe(false);
  });

  it("clips stretches to a partial window [from, to)", () => {
    const totals = accrue(pieces(lifecycle(), ms(t("10:10")), ms(t("12:12"))), none);
    // ready 10:10–11:10, stopping 11:10–11:12 billed; stopped 11:12–12:12 saved
    expect(totals.billableMs).toBe(62 * 60_000);
    expect(usd(totals.savingsMicros)).toBeCloseTo(3.36, 6);
  });

  it("keeps the price kept at creation when today's price is different", () => {
    const today = () => ({ ...H100, pricePerHour: 10 });
    const totals = accrue(pieces([change(t("10:00"), "ready")], ms(t("10:00")), ms(t("11:00"))), today);
    expect(usd(totals.costMicros)).toBeCloseTo(3.36, 6);
  });

  it("prices a hardware change at today's price for the new hardware", () => {
    const a100: Price = { hardware: "a100", pricePerHour: 2.56, priceSource: "provider", priceAsOf: null };
    const current = (_: string, hardware: string) => (hardware === "a100" ? a100 : undefined);
    const history = [change(t("10:00"), "ready"), change(t("11:00"), "ready", { hardware: "a100" })];
    const totals = accrue(pieces(history, ms(t("10:00")), ms(t("12:00"))), current);
    expect(usd(totals.costMicros)).toBeCloseTo(3.36 + 2.56, 6);
  });

  it("counts time without any known price in hours, not in money", () => {
    const history = [change(t("10:00"), "ready", { price: undefined })];
    const totals = accrue(pieces(history, ms(t("10:00")), ms(t("11:00"))), none);
    expect(totals.costMicros).toBe(0);
    expect(totals.unpricedMs).toBe(3_600_000);
    expect(totals.billableMs).toBe(3_600_000);
  });

  it("saves nothing for a stop before the deployment was ever ready, or after a failure", () => {
    const history = [
      change(t("10:00"), "provisioning"),
      change(t("10:05"), "stopping", { reason: "manual" }),
      change(t("10:06"), "stopped", { reason: "manual" }),
    ];
    const totals = accrue(pieces(history, ms(t("10:00")), ms(t("12:00"))), none);
    expect(totals.savingsMicros).toBe(0);
    expect(totals.billableMs).toBe(6 * 60_000);
  });

  it("ends always-on at deletion", () => {
    const history = [
      change(t("10:00"), "ready"),
      change(t("11:00"), "stopping", { reason: "budget: spent $3.36 of $3.00 this month" }),
      change(t("11:00"), "stopped", { reason: "budget: spent $3.36 of $3.00 this month" }),
      change(t("12:00"), "deleting", { reason: "manual" }),
      change(t("12:01"), "deleted", { reason: "manual" }),
    ];
    const totals = accrue(pieces(history, ms(t("00:00")), ms(t("23:00"))), none);
    expect(usd(totals.savingsByKind.budget)).toBeCloseTo(3.36, 6);
    expect(usd(totals.savingsMicros)).toBeCloseTo(3.36, 6);
  });

  it("bills nothing for an adapter served from another deployment's endpoint", () => {
    const history = [change(t("10:00"), "ready", { onBase: true })];
    const totals = accrue(pieces(history, ms(t("10:00")), ms(t("11:00"))), none);
    expect(totals.costMicros).toBe(0);
    expect(totals.billableMs).toBe(0);
  });

  it("orders the history by sequence, whatever the order it was read in", () => {
    const forward = lifecycle();
    const totals = accrue(pieces([...forward].reverse(), ms(t("00:00")), ms(t("14:20"))), none);
    expect(totals.billableMs).toBe(200 * 60_000);
  });

  it("cuts stretches at UTC midnight so each day gets its own share", () => {
    const history = [change(t("22:00", "2026-02-28"), "ready")];
    const list = byUtcDay(pieces(history, ms(t("00:00", "2026-02-28")), ms(t("02:00", "2026-03-01"))));
    expect(list.map((p) => [utcDay(p.start), (p.end - p.start) / 3_600_000])).toEqual([
      ["2026-02-28", 2],
      ["2026-03-01", 2],
    ]);
  });

  it("gives 29 February its own day in a leap year", () => {
    const history = [change(t("12:00", "2028-02-28"), "ready")];
    const days = byUtcDay(pieces(history, ms(t("00:00", "2028-02-28")), ms(t("12:00", "2028-03-01")))).map(
      (p) => utcDay(p.start),
    );
    expect(days).toEqual(["2028-02-28", "2028-02-29", "2028-03-01"]);
  });
});

describe("a stop not yet confirmed", () => {
  it("bills the replicas the provider last reported serving, a stop included until it confirms zero", () => {
    expect(liveReplicas("stopping", { observed: { readyReplicas: 3 } })).toBe(3);
    expect(liveReplicas("stopping", { observed: null })).toBeUndefined();
    expect(liveReplicas("ready", { observed: { readyReplicas: 3 } })).toBe(3);
    expect(liveReplicas("ready", { replicas: 2, observed: { readyReplicas: 3 } })).toBe(2);
    // A stop confirmed 40 minutes after it was asked for, at 3 replicas: 40 × 3 replica-minutes.
    const history = [
      change(t("09:00"), "ready"),
      change(t("10:00"), "stopping", { reason: "idle", replicas: 3 }),
      change(t("10:40"), "stopped", { reason: "idle" }),
    ];
    const totals = accrue(pieces(history, ms(t("10:00")), ms(t("11:00"))), none);
    expect(totals.replicaMs).toBe(3 * 40 * 60_000);
    expect(usd(totals.costMicros)).toBeCloseTo((3.36 * 3 * 40) / 60, 6);
  });
});

describe("money", () => {
  it("adds many short stretches exactly in micro-dollars", () => {
    const second = costOf(toMicros(3.36), 1, 1000);
    expect(second).toBe(933);
    expect(costOf(toMicros(3.36), 1, 3_600_000)).toBe(3_360_000);
  });

  it("reads the stop kind from the reason's prefix", () => {
    expect(stopKind("idle: no activity for 31 min (timeout 30 min)")).toBe("idle");
    expect(stopKind("schedule: outside 08:00–19:00 Europe/Paris")).toBe("schedule");
    expect(stopKind("manual")).toBe("manual");
    expect(stopKind("provider: together stopped the endpoint")).toBe("provider");
    expect(stopKind(undefined)).toBe("other");
  });
});
