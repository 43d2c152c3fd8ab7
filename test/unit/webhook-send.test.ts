import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { post } from "@hangar/core/webhook/send";
import { type Resolver, resolveTarget } from "@hangar/core/webhook/url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

describe("webhook delivery against DNS rebinding", () => {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume().on("end", () => res.writeHead(204).end());
  });
  let port: number;

  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  // Some tests below allow private addresses; none of the others must see that.
  afterEach(() => {
    delete process.env.HANGAR_WEBHOOK_ALLOW_PRIVATE;
  });

  /** Answers with each list in turn: the first answer is what the guard sees. */
  const rebinding = (...answers: string[][]): Resolver & { calls: number } => {
    const resolve = Object.assign(
      async () => {
        const answer = answers[Math.min(resolve.calls++, answers.length - 1)] ?? [];
        return answer.map((address) => ({ address, family: 4 as const }));
      },
      { calls: 0 },
    );
    return resolve;
  };

  it("refuses a host that resolves to a private address", async () => {
    const resolve = rebinding(["10.0.0.7"]);
    await expect(resolveTarget("https://hooks.example.com/x", resolve)).rejects.toMatchObject({
      code: "webhook.url_not_allowed",
    });
  });

  it("refuses a host when any of its addresses is private", async () => {
    const resolve = rebinding(["93.184.215.14", "169.254.169.254"]);
    await expect(resolveTarget("https://hooks.example.com/x", resolve)).rejects.toMatchObject({
      code: "webhook.url_not_allowed",
    });
  });

  it("connects to the address it checked, not to what DNS says afterwards", async () => {
    process.env.HANGAR_WEBHOOK_ALLOW_PRIVATE = "true";
    const resolve = rebinding(["127.0.0.1"], ["10.9.9.9"]);
    const target = await resolveTarget(`http://hooks.invalid:${port}/x`, resolve);
    const result = await post(target, { "content-type": "application/json" }, "{}", 2000);
    expect(result.status).toBe(204);
    expect(resolve.calls).toBe(1);
  });

  it("keeps the URL's host in the Host header", async () => {
    process.env.HANGAR_WEBHOOK_ALLOW_PRIVATE = "true";
    const target = await resolveTarget(`http://hooks.invalid:${port}/x`, rebinding(["127.0.0.1"]));
    await post(target, {}, "{}", 2000);
    expect(seen.at(-1)?.host).toBe(`hooks.invalid:${port}`);
  });

  it("never falls back to the system resolver for a name it was not given", async () => {
    // hooks.invalid cannot resolve anywhere: success above proves the pinned address was used,
    // and an empty pin must fail rather than look the name up.
    const target = { url: new URL(`http://hooks.invalid:${port}/x`), addresses: [] };
    await expect(post(target, {}, "{}", 2000)).rejects.toThrow();
  });
});
