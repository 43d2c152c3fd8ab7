import { disableAfterMs, nextHealth } from "@hangar/core/webhook/policy";
import { describe, expect, it } from "vitest";

const hour = 3600_000;
const now = new Date("2025-01-10T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const window = 72 * hour;

describe("the webhook disable policy", () => {
  it("starts a failing stretch at the first failure after a success", () => {
    expect(nextHealth({ status: "active" }, false, now, window)).toEqual({
      type: "start",
      since: now.toISOString(),
    });
  });

  it("keeps counting while failures stay inside the window", () => {
    expect(nextHealth({ failingSince: ago(71 * hour) }, false, now, window)).toEqual({ type: "none" });
  });

  it("disables once every attempt has failed for the whole window", () => {
    const since = ago(72 * hour);
    expect(nextHealth({ failingSince: since }, false, now, window)).toEqual({ type: "disable", since });
  });

  it("ends the stretch on any success", () => {
    expect(nextHealth({ failingSince: ago(80 * hour) }, true, now, window)).toEqual({ type: "recover" });
    expect(nextHealth({}, true, now, window)).toEqual({ type: "none" });
  });

  it("leaves a disabled subscription alone", () => {
    expect(nextHealth({ status: "disabled", failingSince: ago(99 * hour) }, false, now, window)).toEqual({
      type: "none",
    });
  });

  it("reads the window from HANGAR_WEBHOOK_DISABLE_AFTER_HOURS, three days by default", () => {
    expect(disableAfterMs({})).toBe(72 * hour);
    expect(disableAfterMs({ HANGAR_WEBHOOK_DISABLE_AFTER_HOURS: "0.5" })).toBe(hour / 2);
    expect(() => disableAfterMs({ HANGAR_WEBHOOK_DISABLE_AFTER_HOURS: "soon" })).toThrow();
  });
});
