import type { Server } from "node:http";
import { API_TIMEOUTS, type ServerTimeouts, serverTimeouts } from "@hangar/core/util/server-timeouts";
import { createAdaptorServer } from "@hono/node-server";

export interface LocalApi {
  url: string;
  stop(): Promise<void>;
}

type Fetch = (request: Request) => Response | Promise<Response>;

/** Serves a fetch handler (the Hono app) on a loopback port. */
export async function startApi(options: {
  fetch: Fetch;
  port: number;
  hostname?: string;
  timeouts?: ServerTimeouts;
}): Promise<LocalApi> {
  const hostname = options.hostname ?? "127.0.0.1";
  const server = createAdaptorServer({
    fetch: options.fetch,
    hostname,
    serverOptions: serverTimeouts(options.timeouts ?? API_TIMEOUTS),
  }) as Server;
  await new Promise<void>((listening, failed) => {
    server.once("error", failed);
    server.listen(options.port, hostname, () => {
      server.off("error", failed);
      listening();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${hostname}:${port}`,
    stop: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        // Keep-alive clients would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
