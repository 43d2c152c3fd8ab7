import { preferredWait, withApplied } from "@hangar/functions/api/prefer";
import { describe, expect, it } from "vitest";

describe("Prefer: wait", () => {
  it("reads wait=N among other preferences", async () => {
    expect(await preferredWait("wait=60")).toBe(60);
    expect(await preferredWait("respond-async, wait=10")).toBe(10);
    expect(await preferredWait("wait=0")).toBe(0);
  });

  it("caps the wait at what the API function can hold", async () => {
    expect(await preferredWait("wait=100000")).toBe(280);
  });

  it("ignores a header without a usable wait, as RFC 7240 lets a server", async () => {
    expect(await preferredWait(undefined)).toBeUndefined();
    expect(await preferredWait("return=minimal")).toBeUndefined();
    expect(await preferredWait("wait=soon")).toBeUndefined();
    expect(await preferredWait("wait=-5")).toBeUndefined();
    expect(await preferredWait("wait=")).toBeUndefined();
  });

  it("says which wait was applied, keeping the response's status and headers", async () => {
    const response = withApplied(new Response("{}", { status: 200, headers: { "content-type": "x" } }), 60);
    expect(response.headers.get("preference-applied")).toBe("wait=60");
    expect(response.headers.get("content-type")).toBe("x");
    expect(await response.text()).toBe("{}");
    expect(withApplied(new Response("{}"), undefined).headers.get("preference-applied")).toBeNull();
  });
});
