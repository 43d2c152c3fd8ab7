import { cached, forget, remember } from "@hangar/core/apikey/cache";
import { afterEach, describe, expect, it } from "vitest";

const actor = { type: "tenant" as const, tenantId: "ten_a", keyId: "key_a" };

describe("the verified-key cache", () => {
  afterEach(() => {
    delete process.env.HANGAR_API_KEY_CACHE_SECONDS;
  });

  it("trusts a verified key for the configured window and no longer", () => {
    process.env.HANGAR_API_KEY_CACHE_SECONDS = "2";
    remember("d1", actor, 1_000);
    expect(cached("d1", 2_999)).toEqual(actor);
    expect(cached("d1", 3_000)).toBeUndefined();
  });

  it("keeps a key for 60 s when the window is not configured", () => {
    remember("d2", actor, 0);
    expect(cached("d2", 59_999)).toEqual(actor);
    expect(cached("d2", 60_000)).toBeUndefined();
  });

  it("caches nothing when the window is 0, so a revocation is seen on the next request", () => {
    process.env.HANGAR_API_KEY_CACHE_SECONDS = "0";
    remember("d3", actor, 0);
    expect(cached("d3", 0)).toBeUndefined();
  });

  it("drops a key at once when this process revokes it", () => {
    remember("d4", actor, 0);
    forget("d4");
    expect(cached("d4", 1)).toBeUndefined();
  });
});
