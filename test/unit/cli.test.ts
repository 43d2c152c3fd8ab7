import type { Deployment } from "@hangar/sdk";
import { describe, expect, it } from "vitest";
import { diff, type Entry } from "../../packages/cli/src/commands/apply";
import { parseSeconds } from "../../packages/cli/src/wait";

const entry: Entry = {
  name: "bot",
  provider: "together",
  model: "hf://acme/tiny-llama",
  hardware: "1x_nvidia_h100_80gb_sxm",
  minReplicas: 1,
  idleTimeout: 30,
};

const current = {
  id: "dep_01jd4k2z5x8q3w6e9r0t1y2u3i",
  name: "bot",
  provider: "together",
  model: { source: "hf://acme/tiny-llama", type: "model" },
  hardware: "1x_nvidia_h100_80gb_sxm",
  autoscaling: { minReplicas: 1, maxReplicas: 1 },
  idleTimeoutMinutes: 30,
  schedule: {
    timezone: "Europe/Paris",
    windows: [{ days: ["mon"], start: "08:00", end: "19:00" }],
    startLeadMinutes: 10,
  },
} as unknown as Deployment;

describe("hangar apply's diff", () => {
  it("finds nothing to change when the file matches the deployment", () => {
    expect(diff(entry, current).kind).toBe("same");
  });

  it("treats a schedule the server filled defaults into as unchanged", () => {
    const schedule = { timezone: "Europe/Paris", windows: [{ days: ["mon"], start: "08:00", end: "19:00" }] };
    expect(diff({ ...entry, schedule }, current).kind).toBe("same");
  });

  it("patches only what differs, and says what", () => {
    const change = diff({ ...entry, maxReplicas: 3, idleTimeout: null }, current);
    expect(change).toMatchObject({
      kind: "update",
      patch: { autoscaling: { minReplicas: 1, maxReplicas: 3 }, idleTimeoutMinutes: null },
      fields: ["replicas 1-1 → 1-3", "idle timeout 30 → never"],
    });
  });

  it("refuses to change a deployment's model in place", () => {
    expect(diff({ ...entry, model: "hf://acme/other" }, current).kind).toBe("conflict");
  });
});

describe("--timeout durations", () => {
  it.each([
    ["90", 90],
    ["90s", 90],
    ["10m", 600],
    ["1.5h", 5400],
  ])("reads %s as %i seconds", (text, seconds) => {
    expect(parseSeconds(text)).toBe(seconds);
  });

  it("refuses what it can't read", () => {
    expect(() => parseSeconds("soon")).toThrow(/Not a duration/);
  });
});
