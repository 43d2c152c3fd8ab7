import { activeIntervals, activeMs, ScheduleInput } from "@hangar/core/cost/active-hours";
import { policyMs } from "@hangar/core/cost/estimate";
import { describe, expect, it } from "vitest";

const HOUR = 3_600_000;
const weekdays = ScheduleInput.parse({
  timezone: "Europe/Paris",
  windows: [{ days: ["mon", "tue", "wed", "thu", "fri"], start: "08:00", end: "19:00" }],
  startLeadMinutes: 0,
});
const at = (iso: string) => Date.parse(iso);

describe("schedule hours", () => {
  it("keeps a 08:00–19:00 weekday window at 11 local hours across the spring DST change in Paris", () => {
    const intervals = activeIntervals(weekdays, at("2026-03-23T00:00:00Z"), at("2026-04-06T00:00:00Z"));
    expect(intervals).toHaveLength(10);
    for (const [start, end] of intervals) expect(end - start).toBe(11 * HOUR);
    // 08:00 Paris is 07:00 UTC in winter time and 06:00 UTC in summer time.
    expect(new Date(intervals[0]?.[0] ?? 0).toISOString()).toBe("2026-03-23T07:00:00.000Z");
    expect(new Date(intervals[5]?.[0] ?? 0).toISOString()).toBe("2026-03-30T06:00:00.000Z");
  });

  it("keeps the same window at 11 hours across the autumn change", () => {
    expect(activeMs(weekdays, at("2026-10-19T00:00:00Z"), at("2026-11-02T00:00:00Z"))).toBe(110 * HOUR);
  });

  it("counts real elapsed hours for a window the change falls into", () => {
    const night = ScheduleInput.parse({
      timezone: "Europe/Paris",
      windows: [{ days: ["sun"], start: "00:00", end: "06:00" }],
      startLeadMinutes: 0,
    });
    expect(activeMs(night, at("2026-03-28T00:00:00Z"), at("2026-03-30T00:00:00Z"))).toBe(5 * HOUR);
    expect(activeMs(night, at("2026-10-24T00:00:00Z"), at("2026-10-26T00:00:00Z"))).toBe(7 * HOUR);
  });

  it("runs a window whose end is before its start overnight, and merges overlaps", () => {
    const late = ScheduleInput.parse({
      timezone: "America/New_York",
      windows: [
        { days: ["fri"], start: "22:00", end: "02:00" },
        { days: ["fri"], start: "23:00", end: "00:00" },
      ],
      startLeadMinutes: 0,
    });
    expect(activeIntervals(late, at("2026-11-20T00:00:00Z"), at("2026-11-23T00:00:00Z"))).toEqual([
      [at("2026-11-21T03:00:00Z"), at("2026-11-21T07:00:00Z")],
    ]);
  });

  it("starts a scheduled deployment its lead time early, and bills the lead", () => {
    const led = ScheduleInput.parse({
      timezone: "UTC",
      windows: [{ days: ["mon"], start: "08:00", end: "19:00" }],
    });
    expect(led.startLeadMinutes).toBe(10);
    expect(activeIntervals(led, at("2026-11-23T00:00:00Z"), at("2026-11-24T00:00:00Z"))).toEqual([
      [at("2026-11-23T07:50:00Z"), at("2026-11-23T19:00:00Z")],
    ]);
  });

  it("clips windows to the period asked about", () => {
    expect(activeMs(weekdays, at("2026-11-23T12:00:00Z"), at("2026-11-23T13:00:00Z"))).toBe(HOUR);
  });

  it("rejects an unknown time zone and a window that starts where it ends", () => {
    expect(ScheduleInput.safeParse({ timezone: "Mars/Olympus", windows: weekdays.windows }).success).toBe(
      false,
    );
    expect(
      ScheduleInput.safeParse({
        timezone: "UTC",
        windows: [{ days: ["mon"], start: "08:00", end: "08:00" }],
      }).success,
    ).toBe(false);
  });
});

describe("policy hours", () => {
  const monday = at("2026-11-23T00:00:00Z");

  it("runs always on without a policy: 24 hours a day", () => {
    expect(policyMs({}, monday, 30)).toBe(720 * HOUR);
  });

  it("runs the active hours plus the idle timeout each day under an idle policy", () => {
    expect(policyMs({ idle: { idleTimeoutMinutes: 30, activeHoursPerDay: 4 } }, monday, 30)).toBe(
      30 * 4.5 * HOUR,
    );
  });

  it("never runs longer than the schedule allows under both", () => {
    const both = { schedule: weekdays, idle: { idleTimeoutMinutes: 60, activeHoursPerDay: 12 } };
    // 30 days from a Monday hold 22 weekdays (Paris winter time: the window is 07:00–18:00 UTC).
    expect(policyMs(both, monday, 30)).toBe(22 * 11 * HOUR);
    expect(policyMs({ schedule: weekdays }, monday, 30)).toBe(22 * 11 * HOUR);
  });

  it("bills nothing on a day without traffic under an idle policy", () => {
    expect(policyMs({ idle: { idleTimeoutMinutes: 30, activeHoursPerDay: 0 } }, monday, 7)).toBe(0);
  });
});
