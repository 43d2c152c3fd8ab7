import { assertConfigured } from "@hangar/core/provider/lookup";
import { afterEach, describe, expect, it } from "vitest";

describe("provider configuration", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("refuses a provider without credentials, naming the secrets to set", () => {
    delete process.env.FIREWORKS_API_KEY;
    process.env.FIREWORKS_ACCOUNT_ID = "acct";
    expect(() => assertConfigured("fireworks")).toThrow(/FireworksApiKey and FireworksAccountId/);
    try {
      assertConfigured("fireworks");
    } catch (error) {
      expect(error).toMatchObject({ kind: "unprocessable", code: "provider.not_configured" });
    }
  });

  it("treats an empty secret as unset, as SST's empty placeholder is", () => {
    process.env.TOGETHER_API_KEY = "";
    expect(() => assertConfigured("together")).toThrow(/TogetherApiKey/);
    process.env.TOGETHER_API_KEY = "key";
    expect(() => assertConfigured("together")).not.toThrow();
  });
});
