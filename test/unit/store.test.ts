import { cursor, diffUpdate } from "@hangar/core/store/index";
import { describe, expect, it } from "vitest";

describe("diffUpdate", () => {
  it("sets changed attributes, removes vanished ones, and leaves keys and unchanged ones alone", () => {
    const before = { pk: "DEP#1", sk: "META", state: "ready", idleAt: "t1", version: 3, model: { a: 1 } };
    const after = { pk: "DEP#1", sk: "META", state: "stopping", version: 4, model: { a: 1 } };
    const update = diffUpdate(before, after, ["pk", "sk"]);
    const named = (v: string) => update.names[v];
    expect(update.expression).toMatch(/^SET #a\d+ = :a\d+, #a\d+ = :a\d+ REMOVE #a\d+$/);
    expect(Object.values(update.names).sort()).toEqual(["idleAt", "state", "version"]);
    expect(Object.values(update.values).sort()).toEqual([4, "stopping"]);
    expect(named("#a0")).toBeDefined();
  });

  it("names no attribute that is absent on both sides", () => {
    const update = diffUpdate({ a: 1, gone: undefined }, { a: 2, gone: undefined, never: undefined }, []);
    expect(update.names).toEqual({ "#a0": "a" });
    expect(update.expression).toBe("SET #a0 = :a0");
  });

  it("writes nothing when nothing changed", () => {
    expect(diffUpdate({ a: 1 }, { a: 1 }, []).expression).toBe("");
  });
});

describe("cursor", () => {
  it("round-trips a DynamoDB key", () => {
    const key = { pk: "DEP#dep_1", sk: "META", tenantPk: "TEN#t#DEP" };
    expect(cursor.decode(cursor.encode(key) ?? undefined, ["pk", "sk", "tenantPk"])).toEqual(key);
  });

  it("rejects garbage instead of throwing", () => {
    expect(cursor.decode("not-a-cursor", ["pk", "sk"])).toBeUndefined();
    expect(cursor.encode(undefined)).toBeNull();
  });

  it.each([
    ["a JSON array", [1, 2]],
    ["a missing key attribute", { pk: "DEP#dep_1" }],
    ["an extra attribute", { pk: "a", sk: "b", other: "c" }],
    ["a number where DynamoDB keeps a string", { pk: "a", sk: 1 }],
    ["an empty string", { pk: "", sk: "b" }],
    ["an over-long attribute", { pk: "a".repeat(2000), sk: "b" }],
  ])("rejects a cursor holding %s", (_, key) => {
    expect(
      cursor.decode(Buffer.from(JSON.stringify(key)).toString("base64url"), ["pk", "sk"]),
    ).toBeUndefined();
  });
});
