import { followMove } from "@hangar/core/deployment/follow";
import { canTransition, intentOf, states } from "@hangar/core/deployment/states";
import { describe, expect, it } from "vitest";

describe("requests as intents", () => {
  it("lets a start win over a stop still under way", () => {
    expect(canTransition("stopping", "starting")).toBe(true);
    expect(canTransition("starting", "stopping")).toBe(true);
  });

  it("never lets a deployment start once it is being deleted", () => {
    expect(canTransition("deleting", "starting")).toBe(false);
    expect(canTransition("deleted", "starting")).toBe(false);
  });

  it("reads the intent off every move that expresses one, and keeps it through failures", () => {
    expect(Object.fromEntries(states.map((s) => [s, intentOf(s)]))).toEqual({
      queued: undefined,
      uploading: undefined,
      provisioning: "running",
      ready: "running",
      updating: "running",
      stopping: "stopped",
      stopped: "stopped",
      starting: "running",
      deleting: "deleted",
      deleted: "deleted",
      failed: undefined,
    });
  });
});

describe("an adapter following its base", () => {
  it("stops when its base stops, with the reason base_stopped", () => {
    expect(followMove("ready", "stopping")).toMatchObject({ to: "stopping", reason: "base_stopped" });
    expect(followMove("stopping", "stopped")).toMatchObject({ to: "stopped", reason: "base_stopped" });
    expect(followMove("ready", "stopped")).toMatchObject({ to: "stopped", reason: "base_stopped" });
    expect(followMove("provisioning", "stopped")).toMatchObject({ to: "stopping" });
  });

  it("starts when its base starts, and looks at once when the base serves", () => {
    expect(followMove("stopped", "starting")).toMatchObject({ to: "starting", reason: "base_started" });
    expect(followMove("stopping", "starting")).toMatchObject({ to: "starting" });
    expect(followMove("starting", "ready")).toEqual({ nextCheckSeconds: 0 });
    expect(followMove("ready", "ready")).toBeUndefined();
  });

  it("goes when its base goes, with the reason base_deleted, from any state but gone", () => {
    for (const state of states) {
      const move = followMove(state, "deleting");
      if (state === "deleting" || state === "deleted") expect(move).toBeUndefined();
      else expect(move).toMatchObject({ to: "deleting", reason: "base_deleted" });
    }
  });

  it("fails when its base fails, and leaves a deleted adapter alone", () => {
    expect(followMove("ready", "failed")).toMatchObject({ to: "failed", reason: "base_failed" });
    expect(followMove("deleted", "stopping")).toBeUndefined();
  });
});
