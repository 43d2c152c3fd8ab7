import { trackPhase } from "@hangar/core/deployment/pace";
import type { Row } from "@hangar/core/deployment/row";
import { describe, expect, it } from "vitest";

const row = (fields: Partial<Row>) =>
  ({ state: "provisioning", stateChangedAt: "2026-12-01T10:00:00.000Z", ...fields }) as Row;
const now = new Date("2026-12-01T10:03:00.000Z");

describe("rollout phase tracking", () => {
  it("keeps when a phase was first seen while the provider still reports it", () => {
    const seen = {
      state: "provisioning" as const,
      name: "initializing" as const,
      at: "2026-12-01T10:02:00.000Z",
    };
    expect(trackPhase(row({ phase: seen }), { phase: "initializing" }, now)).toEqual(seen);
  });

  it("starts the clock of a new phase when the provider reports it", () => {
    const seen = {
      state: "provisioning" as const,
      name: "downloading" as const,
      at: "2026-12-01T10:01:00.000Z",
    };
    expect(trackPhase(row({ phase: seen }), { phase: "initializing" }, now)).toEqual({
      state: "provisioning",
      name: "initializing",
      at: now.toISOString(),
    });
  });

  it("ignores a phase seen in another state, or before this state began", () => {
    const other = {
      state: "provisioning" as const,
      name: "initializing" as const,
      at: "2026-12-01T09:00:00.000Z",
    };
    expect(trackPhase(row({ state: "starting", phase: other }), { phase: "initializing" }, now).at).toBe(
      now.toISOString(),
    );
    expect(trackPhase(row({ phase: other }), { phase: "initializing" }, now).at).toBe(now.toISOString());
  });
});
