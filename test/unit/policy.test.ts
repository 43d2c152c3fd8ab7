import { applies, dueAction, idleStopAt, policyAt, upcoming } from "@hangar/core/deployment/policy";
import type { Row } from "@hangar/core/deployment/row";
import { Schedule } from "@hangar/core/deployment/schedule";
import { describe, expect, it } from "vitest";

type Policy = Parameters<typeof upcoming>[0];
const ready: Policy = {
  state: "ready",
  createdAt: "2026-11-02T09:00:00.000Z",
  stateChangedAt: "2026-11-02T10:00:00.000Z",
  idleTimeoutMinutes: 15,
};
const at = (iso: string) => new Date(iso);

describe("idle stop deadline", () => {
  it("gives a fresh endpoint a full timeout from when it became ready", () => {
    expect(idleStopAt(ready)).toBe("2026-11-02T10:15:00.000Z");
  });

  it("counts from the last activity when that is later, and ignores activity from before ready", () => {
    expect(idleStopAt({ ...ready, lastActivityAt: "2026-11-02T11:00:00.000Z" })).toBe(
      "2026-11-02T11:15:00.000Z",
    );
    expect(idleStopAt({ ...ready, lastActivityAt: "2026-11-02T09:00:00.000Z" })).toBe(
      "2026-11-02T10:15:00.000Z",
    );
  });

  it("never stops inside the grace period after a start", () => {
    expect(idleStopAt({ ...ready, idleGraceMinutes: 60 })).toBe("2026-11-02T11:00:00.000Z");
  });

  it("waits for a lease to end", () => {
    expect(idleStopAt({ ...ready, heldUntil: "2026-11-02T18:00:00.000Z" })).toBe("2026-11-02T18:00:00.000Z");
  });

  it("has no deadline without a timeout or outside ready", () => {
    expect(idleStopAt({ ...ready, idleTimeoutMinutes: null })).toBeUndefined();
    expect(idleStopAt({ ...ready, state: "stopped" })).toBeUndefined();
  });
});

describe("idle warning", () => {
  const warned: Policy = { ...ready, idleWarnMinutes: 5 };

  it("is due the configured time before the stop, once per deadline", () => {
    expect(upcoming(warned, at("2026-11-02T10:01:00Z"))[0]).toMatchObject({
      kind: "warn",
      at: "2026-11-02T10:10:00.000Z",
    });
    expect(dueAction(warned, at("2026-11-02T10:11:00Z"))?.kind).toBe("warn");
    const after = { ...warned, idleWarnedFor: "2026-11-02T10:15:00.000Z" };
    expect(dueAction(after, at("2026-11-02T10:11:00Z"))).toBeUndefined();
    expect(dueAction(after, at("2026-11-02T10:16:00Z"))?.kind).toBe("stop");
  });

  it("warns again for a new deadline after activity", () => {
    const later = {
      ...warned,
      idleWarnedFor: "2026-11-02T10:15:00.000Z",
      lastActivityAt: "2026-11-02T10:12:00.000Z",
    };
    expect(upcoming(later, at("2026-11-02T10:13:00Z"))[0]).toMatchObject({
      kind: "warn",
      at: "2026-11-02T10:22:00.000Z",
    });
  });
});

describe("schedule edges", () => {
  const schedule = Schedule.parse({
    timezone: "Europe/Paris",
    windows: [{ days: ["mon", "tue", "wed", "thu", "fri"], start: "08:00", end: "19:00" }],
  });
  const stopped: Policy = {
    ...ready,
    state: "stopped",
    idleTimeoutMinutes: null,
    schedule,
    scheduleCursor: "2026-11-02T18:00:00.000Z",
  };

  it("starts a stopped deployment at the next window's start", () => {
    // Tuesday 2026-11-03, Paris is UTC+1: start at 06:50Z (10 minutes' lead).
    expect(policyAt(stopped, at("2026-11-02T20:00:00Z"))).toBe("2026-11-03T06:50:00.000Z");
    const action = dueAction(stopped, at("2026-11-03T06:51:00Z"));
    expect(action).toMatchObject({ kind: "start", edge: "2026-11-03T06:50:00.000Z" });
    expect(action?.reason).toBe("schedule: inside mon,tue,wed,thu,fri 08:00–19:00 Europe/Paris");
    expect(applies(stopped, action!)).toBe(true);
  });

  it("stops a ready one at the window's end, unless a lease holds it", () => {
    const up: Policy = { ...stopped, state: "ready", scheduleCursor: "2026-11-03T06:50:00.000Z" };
    expect(dueAction(up, at("2026-11-03T18:01:00Z"))).toMatchObject({
      kind: "stop",
      edge: "2026-11-03T18:00:00.000Z",
    });
    const leased = { ...up, heldUntil: "2026-11-03T20:00:00.000Z" };
    expect(dueAction(leased, at("2026-11-03T18:01:00Z"))).toBeUndefined();
    expect(policyAt(leased, at("2026-11-03T18:01:00Z"))).toBe("2026-11-03T20:00:00.000Z");
  });

  it("acts on the latest passed edge only, after missing several", () => {
    // The sweep was down from Monday night to Wednesday noon: the deployment should be up now.
    const action = dueAction(stopped, at("2026-11-04T11:00:00Z"));
    expect(action).toMatchObject({ kind: "start", edge: "2026-11-04T06:50:00.000Z" });
  });

  it("doesn't restart a deployment a hard budget stopped this month, but does next month", () => {
    const budget: Policy = { ...stopped, stopReason: "budget: spent $500.00 of $500.00 this month" };
    const action = dueAction(budget, at("2026-11-03T06:51:00Z"));
    expect(action?.kind).toBe("start");
    expect(applies(budget, action!)).toBe(false);
    const december: Policy = { ...budget, scheduleCursor: "2026-11-30T18:00:00.000Z" };
    const next = dueAction(december, at("2026-12-01T06:51:00Z"));
    expect(applies(december, next!)).toBe(true);
  });

  it("leaves a manual start alone until the next edge, and marks an edge that doesn't apply as handled", () => {
    const manual: Policy = { ...stopped, state: "ready" };
    const action = dueAction(manual, at("2026-11-03T06:51:00Z"));
    expect(action?.kind).toBe("start");
    expect(applies(manual, action!)).toBe(false);
  });
});

describe("delete after a long stop", () => {
  it("is due the configured days after the stop", () => {
    const row: Policy = { ...ready, state: "stopped", idleTimeoutMinutes: 15, deleteAfterStoppedDays: 7 };
    expect(policyAt(row, at("2026-11-03T00:00:00Z"))).toBe("2026-11-09T10:00:00.000Z");
    expect(dueAction(row, at("2026-11-09T10:00:01Z"))).toMatchObject({
      kind: "delete",
      reason: "idle: stopped for 7 days",
    });
  });

  it("has nothing due for a deployment without any policy", () => {
    const plain: Pick<Row, "state" | "createdAt" | "stateChangedAt" | "idleTimeoutMinutes"> = {
      ...ready,
      idleTimeoutMinutes: null,
    };
    expect(policyAt(plain, at("2026-11-02T12:00:00Z"))).toBeUndefined();
  });
});
