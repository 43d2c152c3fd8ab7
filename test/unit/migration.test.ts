import { describe, expect, it } from "vitest";
import { drainDue } from "../../packages/core/src/deployment/phase/migrate";
import { nextSince, reactsTo } from "../../packages/core/src/deployment/provider-events";
import type { Row } from "../../packages/core/src/deployment/row";

const event = (id: string, at: string, type = "deployment.scaled") => ({
  id,
  at,
  type,
  level: "info" as const,
});

describe("provider events", () => {
  it("reacts to the provider's own changes of the deployment, not to its logs", () => {
    expect(reactsTo("deployment.status_updated")).toBe(true);
    expect(reactsTo("deployment.scaled")).toBe(true);
    expect(reactsTo("endpoint.deleted")).toBe(true);
    expect(reactsTo("pod.log")).toBe(false);
    expect(reactsTo("condition.set")).toBe(false);
  });

  it("moves the cursor to the newest event read, and keeps it when nothing was read", () => {
    const read = [event("a", "2026-12-01T10:00:00Z"), event("b", "2026-12-01T10:05:00Z")];
    expect(nextSince(read, "2026-12-01T09:00:00Z")).toBe("2026-12-01T10:05:00Z");
    expect(nextSince([], "2026-12-01T09:00:00Z")).toBe("2026-12-01T09:00:00Z");
    expect(nextSince([], undefined)).toBeUndefined();
  });
});

describe("migration drain", () => {
  const row = (migratedFrom?: Row["migratedFrom"]) => ({ migratedFrom }) as Row;
  const from = {
    apiVersion: "v1" as const,
    endpointId: "endpoint-1",
    endpointName: "devuser/model-1234abcd",
    at: "2026-12-01T10:00:00.000Z",
    drainUntil: "2026-12-01T10:05:00.000Z",
  };

  it("says how long the old endpoint still serves", () => {
    expect(drainDue(row(from), Date.parse("2026-12-01T10:04:00.000Z"))).toBe(60);
    expect(drainDue(row(from), Date.parse("2026-12-01T10:06:00.000Z"))).toBe(0);
  });

  it("has nothing to wait for once the old endpoint is deleted, or without a migration", () => {
    expect(drainDue(row({ ...from, deletedAt: "2026-12-01T10:05:01.000Z" }))).toBeUndefined();
    expect(drainDue(row())).toBeUndefined();
  });
});
