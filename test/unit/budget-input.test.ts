import { BudgetInput, periodKey, statusOf } from "@hangar/core/budget/info";
import { describe, expect, it } from "vitest";

describe("budget input", () => {
  it("takes a soft limit, a hard limit or both, for a calendar month by default", () => {
    expect(BudgetInput.parse({ hardLimitUsd: 100 })).toEqual({ period: "month", hardLimitUsd: 100 });
    expect(BudgetInput.parse({ softLimitUsd: 80, hardLimitUsd: 100 }).period).toBe("month");
  });

  it("rejects a budget without any limit", () => {
    expect(BudgetInput.safeParse({ period: "month" }).success).toBe(false);
    expect(BudgetInput.safeParse({ softLimitUsd: null, hardLimitUsd: null }).success).toBe(false);
  });

  it("rejects a soft limit at or above the hard limit, and a negative limit", () => {
    expect(BudgetInput.safeParse({ softLimitUsd: 100, hardLimitUsd: 100 }).success).toBe(false);
    expect(BudgetInput.safeParse({ softLimitUsd: 120, hardLimitUsd: 100 }).success).toBe(false);
    expect(BudgetInput.safeParse({ hardLimitUsd: -1 }).success).toBe(false);
  });

  it("rejects periods other than a month", () => {
    expect(BudgetInput.safeParse({ period: "week", hardLimitUsd: 10 }).success).toBe(false);
  });
});

describe("budget status", () => {
  it("is ok below the soft limit, warning from it, exceeded from the hard limit", () => {
    expect(statusOf(79_999_999, 80_000_000, 100_000_000)).toBe("ok");
    expect(statusOf(80_000_000, 80_000_000, 100_000_000)).toBe("warning");
    expect(statusOf(100_000_000, 80_000_000, 100_000_000)).toBe("exceeded");
    expect(statusOf(5_000_000, undefined, 1_000_000)).toBe("exceeded");
  });

  it("keys periods by UTC calendar month, whatever the local time", () => {
    expect(periodKey(Date.parse("2026-11-30T23:59:59.999Z"))).toBe("2026-11");
    expect(periodKey(Date.parse("2026-12-01T00:00:00Z"))).toBe("2026-12");
    expect(periodKey(Date.parse("2028-02-29T12:00:00Z"))).toBe("2028-02");
  });
});
