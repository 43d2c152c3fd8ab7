import { publicUrl } from "@hangar/functions/api/public-url";
import { Hono } from "hono";
import { afterEach, describe, expect, it, vi } from "vitest";

const app = new Hono().get("/openapi.json", (c) => c.text(publicUrl(c)));
async function served(headers: Record<string, string> = {}) {
  const response = await app.request("http://127.0.0.1:8787/openapi.json", { headers });
  return response.text();
}

describe("the API's public URL", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is the request's origin when nothing is configured", async () => {
    vi.stubEnv("HANGAR_PUBLIC_URL", "");
    expect(await served()).toBe("http://127.0.0.1:8787");
  });

  it("is the origin the client saw behind a function URL or proxy", async () => {
    vi.stubEnv("HANGAR_PUBLIC_URL", "");
    const headers = {
      "x-forwarded-proto": "https",
      "x-forwarded-host": "abc123.lambda-url.eu-west-1.on.aws",
    };
    expect(await served(headers)).toBe("https://abc123.lambda-url.eu-west-1.on.aws");
  });

  it("is HANGAR_PUBLIC_URL when set, without a trailing slash", async () => {
    vi.stubEnv("HANGAR_PUBLIC_URL", "https://hangar.example.com/");
    expect(await served({ "x-forwarded-host": "elsewhere" })).toBe("https://hangar.example.com");
  });
});
