import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { MAX_PAGES } from "@hangar/core/util/paginate";
import { listHub } from "@hangar/core/weights/huggingface";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FireworksClient, type FireworksError } from "../../packages/core/providers/fireworks";

/** A Fireworks stand-in whose model listing never ends: the same token forever, or a fresh one each page. */
let mode: "same-token" | "fresh-token" | "ends" | "hub-same-link" = "same-token";
let requests = 0;
let server: Server;
let client: FireworksClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    if (mode === "hub-same-link") {
      res.setHeader("link", '</api/models/a/b/tree/main?cursor=same>; rel="next"');
      res.setHeader("content-type", "application/json");
      res.end("[]");
      return;
    }
    const token = new URL(req.url ?? "/", "http://x").searchParams.get("pageToken");
    const next =
      mode === "same-token"
        ? "always-the-same"
        : mode === "fresh-token"
          ? `page-${requests}`
          : token
            ? ""
            : "2";
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ models: [], nextPageToken: next }));
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  process.env.HF_ENDPOINT = `http://127.0.0.1:${port}`;
  client = new FireworksClient({ apiKey: "fw_test", accountId: "acct", baseUrl: `http://127.0.0.1:${port}` });
});
afterAll(() => new Promise((closed) => server.close(closed)));
beforeEach(() => {
  requests = 0;
});

describe("paginated provider listings", () => {
  it("stop at the first repeated page token with a non-retryable provider error", async () => {
    mode = "same-token";
    const error = (await client.models.list().catch((e: unknown) => e)) as FireworksError;
    expect(error).toMatchObject({ provider: "fireworks", retryable: false });
    expect(error.message).toContain("repeated a page token");
    expect(requests).toBe(2);
  });

  it("stop at the page cap when every page has a new token", async () => {
    mode = "fresh-token";
    const error = (await client.models.list().catch((e: unknown) => e)) as FireworksError;
    expect(error).toMatchObject({ provider: "fireworks", retryable: false });
    expect(error.message).toContain(`past ${MAX_PAGES} pages`);
    expect(requests).toBe(MAX_PAGES);
  });

  it("follow a listing that ends to its last page", async () => {
    mode = "ends";
    await expect(client.models.list()).resolves.toEqual([]);
    expect(requests).toBe(2);
  });

  it("stop a Hub tree listing whose next link repeats, with a non-retryable weights error", async () => {
    mode = "hub-same-link";
    const error = await listHub({ repo: "a/b", revision: "main" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "weights.unavailable", retryable: false });
    expect(requests).toBe(2);
  });
});
