import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";

type Fetch = Parameters<typeof serve>[0]["fetch"];

/**
 * A provider simulator's HTTP server, listening once this resolves (port 0 picks a free one).
 * `close` also drops kept-alive connections, so a test run ends without waiting for them.
 */
export async function listen(fetch: Fetch, options: { host: string; port?: number }) {
  const server = serve({ fetch, port: options.port ?? 0, hostname: options.host });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host;
  return {
    origin: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
