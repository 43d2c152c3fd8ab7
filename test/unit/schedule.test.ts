import { describe as describeSchedule, edges, isActive, Schedule } from "@hangar/core/deployment/schedule";
import { describe, expect, it } from "vitest";

const weekdays = Schedule.parse({
  timezone: "Europe/Paris",
  windows: [{ days: ["mon", "tue", "wed", "thu", "fri"], start: "08:00", end: "19:00" }],
});

describe("schedules", () => {
  it("starts ten minutes before the window and stops at its end, in local time", () => {
    // Tuesday 2026-11-03 06:00 UTC = 07:00 in Paris (CET, UTC+1).
    const next = edges(weekdays, new Date("2026-11-03T06:00:00Z")).slice(0, 2);
    expect(next).toEqual([
      { kind: "start", at: "2026-11-03T06:50:00.000Z" },
      { kind: "stop", at: "2026-11-03T18:00:00.000Z" },
    ]);
  });

  it("keeps 08:00 local across the spring daylight-saving change", () => {
    // Paris moves to CEST (UTC+2) on Sunday 2026-03-29.
    const friday = edges(weekdays, new Date("2026-03-27T00:00:00Z"))[0];
    const monday = edges(weekdays, new Date("2026-03-29T12:00:00Z"))[0];
    expect(friday).toEqual({ kind: "start", at: "2026-03-27T06:50:00.000Z" });
    expect(monday).toEqual({ kind: "start", at: "2026-03-30T05:50:00.000Z" });
  });

  it("keeps 19:00 local across the autumn change", () => {
    // Paris returns to CET on Sunday 2026-10-25.
    const stops = edges(weekdays, new Date("2026-10-23T12:00:00Z"), 4).filter((e) => e.kind === "stop");
    expect(stops.slice(0, 2).map((e) => e.at)).toEqual([
      "2026-10-23T17:00:00.000Z",
      "2026-10-26T18:00:00.000Z",
    ]);
  });

  it("moves a start in the spring-forward gap forward, as a wall clock would", () => {
    // 02:30 does not exist in Paris on 2026-03-29: clocks go from 02:00 CET to 03:00 CEST.
    const gap = Schedule.parse({
      timezone: "Europe/Paris",
      startLeadMinutes: 0,
      windows: [{ days: ["sun"], start: "02:30", end: "05:00" }],
    });
    expect(edges(gap, new Date("2026-03-28T12:00:00Z")).slice(0, 2)).toEqual([
      { kind: "start", at: "2026-03-29T01:30:00.000Z" },
      { kind: "stop", at: "2026-03-29T03:00:00.000Z" },
    ]);
  });

  it("takes the first of the two 01:30s when New York falls back", () => {
    const repeated = Schedule.parse({
      timezone: "America/New_York",
      startLeadMinutes: 0,
      windows: [{ days: ["sun"], start: "01:30", end: "03:00" }],
    });
    expect(edges(repeated, new Date("2026-10-31T12:00:00Z")).slice(0, 2)).toEqual([
      { kind: "start", at: "2026-11-01T05:30:00.000Z" },
      { kind: "stop", at: "2026-11-01T08:00:00.000Z" },
    ]);
  });

  it("skips the weekend", () => {
    const saturday = new Date("2026-11-07T10:00:00Z");
    expect(isActive(weekdays, saturday)).toBe(false);
    expect(edges(weekdays, saturday)[0]).toEqual({ kind: "start", at: "2026-11-09T06:50:00.000Z" });
  });

  it("knows whether now is inside a window", () => {
    expect(isActive(weekdays, new Date("2026-11-04T12:00:00Z"))).toBe(true);
    expect(isActive(weekdays, new Date("2026-11-04T20:00:00Z"))).toBe(false);
    // Inside the start lead: already active, so a stopped endpoint is being started.
    expect(isActive(weekdays, new Date("2026-11-04T06:55:00Z"))).toBe(true);
  });

  it("runs a window past midnight", () => {
    const night = Schedule.parse({
      timezone: "UTC",
      windows: [{ days: ["fri"], start: "22:00", end: "02:00" }],
      startLeadMinutes: 0,
    });
    expect(edges(night, new Date("2026-11-06T12:00:00Z")).slice(0, 2)).toEqual([
      { kind: "start", at: "2026-11-06T22:00:00.000Z" },
      { kind: "stop", at: "2026-11-07T02:00:00.000Z" },
    ]);
  });

  it("merges overlapping windows into one stretch", () => {
    const split = Schedule.parse({
      timezone: "UTC",
      startLeadMinutes: 0,
      windows: [
        { days: ["mon"], start: "08:00", end: "12:00" },
        { days: ["mon"], start: "11:00", end: "18:00" },
      ],
    });
    expect(edges(split, new Date("2026-11-09T00:00:00Z")).slice(0, 2)).toEqual([
      { kind: "start", at: "2026-11-09T08:00:00.000Z" },
      { kind: "stop", at: "2026-11-09T18:00:00.000Z" },
    ]);
  });

  it("rejects what it can't read, with a message that says how to write it", () => {
    const bad = Schedule.safeParse({
      timezone: "Paris",
      windows: [{ days: ["monday"], start: "8am", end: "19:00" }],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message).join(" ");
    expect(messages).toMatch(/IANA/);
    expect(messages).toMatch(/HH:MM/);
  });

  it("describes itself for people", () => {
    expect(describeSchedule(weekdays)).toBe("mon,tue,wed,thu,fri 08:00–19:00 Europe/Paris");
  });
});
