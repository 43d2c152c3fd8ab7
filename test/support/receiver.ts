import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { api } from "./api";

export type Received = {
  headers: IncomingHttpHeaders;
  body: string;
  json: { type: string; timestamp: string; sequence?: number | null; data: Record<string, unknown> };
};

/**
 * A webhook receiver on loopback. It verifies signatures itself, the way the Standard
 * Webhooks spec describes (HMAC-SHA256 over `id.timestamp.body` with the base64 secret),
 * independently of the library Hangar signs with.
 */
export async function startReceiver(options: { status?: () => number } = {}) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const status = options.status?.() ?? 200;
      const body = Buffer.concat(chunks).toString();
      if (status >= 200 && status < 300)
        received.push({ headers: req.headers, body, json: JSON.parse(body) });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    async waitFor(predicate: (r: Received) => boolean, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const hit = received.find(predicate);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no matching webhook; got ${received.map((r) => r.json.type).join(", ") || "none"}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function verifySignature(secret: string, r: Received): boolean {
  const id = String(r.headers["webhook-id"]);
  const timestamp = String(r.headers["webhook-timestamp"]);
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${r.body}`).digest("base64");
  return String(r.headers["webhook-signature"])
    .split(" ")
    .some((part) => {
      const [version, signature] = part.split(",");
      return (
        version === "v1" &&
        !!signature &&
        signature.length === expected.length &&
        timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
      );
    });
}

/** A receiver subscribed to every event, for a describe block; `close` unsubscribes and stops it. */
export async function subscribedReceiver() {
  const receiver = await startReceiver();
  const subscription = (await api("/v1/webhooks", { body: { url: receiver.url } })).body.id as string;
  return Object.assign(receiver, {
    async unsubscribe() {
      await api(`/v1/webhooks/${subscription}`, { method: "DELETE" });
      await receiver.close();
    },
  });
}
