import { checkDelay, isChecked } from "@hangar/core/deployment/checks";
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
    expect(isChecked("failed")).toBe(false);
    expect(isChecked("deleted")).toBe(false);
    expect(isChecked("ready")).toBe(true);
    expect(isChecked("queued")).toBe(true);
  });
});
