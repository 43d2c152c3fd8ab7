import { webhookFor } from "@hangar/core/deployment/events";
import { canRequest, canTransition, isInFlight, states } from "@hangar/core/deployment/states";
import { describe, expect, it } from "vitest";

describe("deployment states", () => {
  it("lets a deployment move through the happy path", () => {
    const path = [
      "queued",
      "uploading",
      "provisioning",
      "ready",
      "stopping",
      "stopped",
      "starting",
      "ready",
      "deleting",
      "deleted",
    ] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it("never leaves deleted", () => {
    for (const to of states) expect(canTransition("deleted", to)).toBe(false);
  });

  it("can delete from every state but deleting and deleted", () => {
    for (const from of states) {
      expect(canTransition(from, "deleting")).toBe(from !== "deleting" && from !== "deleted");
    }
  });

  it("refuses to start what is not stopped, or stop what is already stopping", () => {
    expect(canTransition("ready", "starting")).toBe(false);
    expect(canTransition("stopping", "stopping")).toBe(false);
    expect(canTransition("queued", "ready")).toBe(false);
  });

  it("lets a stopped deployment go back to stopping only for a stop that didn't hold", () => {
    // The move exists for the worker (phase/endpoint.ts `watch`); a stop request is still refused.
    expect(canTransition("stopped", "stopping")).toBe(true);
    expect(canRequest("stopped", "stopping")).toBe(false);
    expect(canRequest("ready", "stopping")).toBe(true);
  });

  it("lets a failed deployment only be deleted", () => {
    expect(states.filter((to) => canTransition("failed", to))).toEqual(["deleting"]);
  });

  it("counts only states with provider work as in flight", () => {
    expect(states.filter(isInFlight)).toEqual([
      "queued",
      "uploading",
      "provisioning",
      "updating",
      "stopping",
      "starting",
      "deleting",
    ]);
  });

  it("fires one webhook per settling change", () => {
    expect(webhookFor("provisioning", "ready")).toBe("deployment.ready");
    expect(webhookFor("starting", "ready")).toBe("deployment.started");
    expect(webhookFor("updating", "ready")).toBe("deployment.updated");
    expect(webhookFor("stopping", "stopped")).toBe("deployment.stopped");
    expect(webhookFor("ready", "stopped")).toBe("deployment.stopped");
    expect(webhookFor("uploading", "failed")).toBe("deployment.failed");
    expect(webhookFor("deleting", "deleted")).toBe("deployment.deleted");
    expect(webhookFor("queued", "uploading")).toBeUndefined();
    expect(webhookFor("ready", "stopping")).toBeUndefined();
  });
});
