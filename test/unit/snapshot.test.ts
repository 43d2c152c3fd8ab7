import type { EndpointState, EndpointStatus, Provider } from "@hangar/core/provider/index";
import { Snapshots } from "@hangar/core/provider/snapshot";
import { describe, expect, it } from "vitest";

/** An account at a provider: endpoints by id, and every call it answered. */
function account(states: Record<string, EndpointState>, options: { list?: boolean } = {}) {
  const calls: string[] = [];
  const status = (id: string): EndpointStatus | undefined => {
    const state = states[id];
    return state && { id, name: id, state, raw: state };
  };
  const provider = {
    name: "fireworks",
    async getEndpoint(id: string) {
      calls.push(`get ${id}`);
      return status(id);
    },
    ...(options.list === false
      ? {}
      : {
          async listEndpoints() {
            calls.push("list");
            return Object.keys(states).flatMap((id) => status(id) ?? []);
          },
        }),
  } as unknown as Provider;
  return { provider, calls, states };
}

const pending = (ep: EndpointStatus) => ep.state === "pending";

describe("per-account list snapshots", () => {
  it("reads a lone endpoint on its own: a list would cost the same", async () => {
    let now = 0;
    const snapshots = new Snapshots({ tickMs: () => 2000, clock: () => now });
    const { provider, calls } = account({ a: "pending", b: "pending" });
    await snapshots.read(provider, "a", pending);
    now = 10_000;
    await snapshots.read(provider, "a", pending);
    expect(calls).toEqual(["get a", "get a"]);
  });

  it("serves the reads of several in-flight endpoints of one account from one list per tick", async () => {
    let now = 0;
    const snapshots = new Snapshots({ tickMs: () => 2000, clock: () => now });
    const { provider, calls } = account({ a: "pending", b: "pending", c: "pending", d: "pending" });
    await snapshots.read(provider, "a", pending);
    now = 100;
    const read = await Promise.all(["b", "c", "d"].map((id) => snapshots.read(provider, id, pending)));
    now = 1500;
    await snapshots.read(provider, "a", pending);
    expect(read.map((ep) => ep?.id)).toEqual(["b", "c", "d"]);
    expect(calls).toEqual(["get a", "list"]);
  });

  it("never serves a read from a list older than the tick", async () => {
    let now = 0;
    const snapshots = new Snapshots({ tickMs: () => 2000, clock: () => now });
    const { provider, calls } = account({ a: "pending", b: "pending" });
    await snapshots.read(provider, "a", pending);
    await snapshots.read(provider, "b", pending);
    now = 2001;
    await snapshots.read(provider, "a", pending);
    expect(calls).toEqual(["get a", "list", "list"]);
  });

  it("reads a changed endpoint on its own before anyone acts on it", async () => {
    const snapshots = new Snapshots({ tickMs: () => 2000, clock: () => 0 });
    const { provider, calls, states } = account({ a: "pending", b: "running" });
    await snapshots.read(provider, "a", pending);
    states.b = "running";
    expect((await snapshots.read(provider, "b", pending))?.state).toBe("running");
    expect(calls).toEqual(["get a", "list", "get b"]);
  });

  it("reads an endpoint the list lacks on its own before calling it missing", async () => {
    const snapshots = new Snapshots({ tickMs: () => 2000, clock: () => 0 });
    const { provider, calls, states } = account({ a: "pending" });
    await snapshots.read(provider, "a", pending);
    const list = snapshots.read(provider, "late", pending);
    states.late = "pending";
    expect((await list)?.id).toBe("late");
    expect(calls).toEqual(["get a", "list", "get late"]);
  });

  it("reads on its own at a provider without a list", async () => {
    const snapshots = new Snapshots({ tickMs: () => 2000, clock: () => 0 });
    const { provider, calls } = account({ a: "pending", b: "pending" }, { list: false });
    await snapshots.read(provider, "a", pending);
    await snapshots.read(provider, "b", pending);
    expect(calls).toEqual(["get a", "get b"]);
  });
});
