import { checkDelay, idleDeadline, isWatched } from "@hangar/core/deployment/watch";
import { describe, expect, it } from "vitest";

const policy = { min: 2, max: 30, watch: 300 };

describe("check backoff", () => {
  it("checks `min` after an action, then doubles while nothing changes, up to the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => checkDelay("provisioning", n, policy))).toEqual([
      2, 2, 4, 8, 16, 30, 30, 30,
    ]);
  });

  it("checks settled deployments at the watch interval", () => {
    expect(checkDelay("ready", 0, policy)).toBe(300);
    expect(checkDelay("stopped", 7, policy)).toBe(300);
  });

  it("does not overflow on a long-stuck deployment", () => {
    expect(checkDelay("uploading", 10_000, policy)).toBe(30);
  });

  it("watches everything but failed and deleted", () => {
    expect(isWatched("failed")).toBe(false);
    expect(isWatched("deleted")).toBe(false);
    expect(isWatched("ready")).toBe(true);
    expect(isWatched("queued")).toBe(true);
  });
});

describe("idle deadline", () => {
  const base = {
    state: "ready" as const,
    idleTimeoutMinutes: 15,
    stateChangedAt: "2026-11-02T10:00:00.000Z",
  };

  it("gives a fresh endpoint a full timeout from when it became ready", () => {
    expect(idleDeadline({ ...base, lastActivityAt: undefined })).toBe("2026-11-02T10:15:00.000Z");
  });

  it("counts from the last activity when that is later", () => {
    expect(idleDeadline({ ...base, lastActivityAt: "2026-11-02T11:00:00.000Z" })).toBe(
      "2026-11-02T11:15:00.000Z",
    );
  });

  it("ignores activity from before the endpoint became ready", () => {
    expect(idleDeadline({ ...base, lastActivityAt: "2026-11-02T09:00:00.000Z" })).toBe(
      "2026-11-02T10:15:00.000Z",
    );
  });

  it("has no deadline without a timeout or outside ready", () => {
    expect(idleDeadline({ ...base, idleTimeoutMinutes: null, lastActivityAt: undefined })).toBeUndefined();
    expect(idleDeadline({ ...base, state: "stopped", lastActivityAt: undefined })).toBeUndefined();
  });
});
