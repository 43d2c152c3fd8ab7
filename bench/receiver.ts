import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type Delivery = {
  /** Date.now() when the body had arrived in full. */
  at: number;
  type: string;
  /** The event's own timestamp: when the state change was committed. */
  timestamp: string;
  data: { id: string; upstream: { endpointId: string | null } } & Record<string, unknown>;
};

/** A loopback webhook receiver that timestamps each delivery and wakes whoever waits for it. */
export async function startReceiver() {
  const received: Delivery[] = [];
  let wake = () => {};
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const at = Date.now();
      res.writeHead(200).end();
      const body = JSON.parse(Buffer.concat(chunks).toString()) as Omit<Delivery, "at">;
      received.push({ at, ...body });
      wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  /** The first delivery of `type` for each id; throws on a failure event or when time runs out. */
  async function waitForAll(ids: string[], type: string, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    const wanted = new Set(ids);
    for (;;) {
      const found = new Map<string, Delivery>();
      for (const d of received) {
        if (!wanted.has(d.data.id)) continue;
        if (d.type === "deployment.failed")
          throw new Error(`deployment ${d.data.id} failed: ${JSON.stringify(d.data.lastError)}`);
        if (d.type === type && !found.has(d.data.id)) found.set(d.data.id, d);
      }
      if (found.size === wanted.size) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`only ${found.size} of ${wanted.size} ${type} webhooks arrived in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 1_000));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  return {
    url: `http://127.0.0.1:${port}/hooks`,
    waitForAll,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
