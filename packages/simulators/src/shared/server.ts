import type { AddressInfo } from "node:net";
import { serverTimeouts } from "@hangar/core/util/server-timeouts";
import { serve } from "@hono/node-server";
import type { Exchange } from "./exchanges";
import { Faults } from "./faults";

type Fetch = Parameters<typeof serve>[0]["fetch"];

/**
 * Headers within 30 s like the API; a whole request within 30 min, because the simulators take
 * model weights as request bodies (Fireworks' signed-URL storage) and a slow disk or network is
 * not an attack on a local tool.
 */
const SIMULATOR_TIMEOUTS = { headersMs: 30_000, requestMs: 30 * 60_000 };

/**
 * A provider simulator's HTTP server, listening once this resolves (port 0 picks a free one).
 * `close` also drops kept-alive connections, so a test run ends without waiting for them.
 */
export async function listen(fetch: Fetch, options: { host: string; port?: number }) {
  const server = serve({
    fetch,
    port: options.port ?? 0,
    hostname: options.host,
    serverOptions: serverTimeouts(SIMULATOR_TIMEOUTS),
  });
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

export type ServeOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** A file to load the simulated account from at start and save it to on close. */
  statePath?: string;
};

/** What every simulator's start takes, besides its own account settings. */
export type SimulatorOptions<Steps> = ServeOptions & {
  /** Multiplies every simulated duration. */
  timeScale?: number;
  steps?: Partial<Steps>;
  apiKey?: string;
  onExchange?: (exchange: Exchange) => void;
};

/** What every started simulator hands its tests, besides its own base URLs. */
export type Simulator<State> = {
  /** Root of the test-only control API (`…/_sim`). */
  controlUrl: string;
  apiKey: string;
  state: State;
  faults: Faults;
  exchanges: Exchange[];
  close(): Promise<void>;
};

/** What every simulator's app is built around, besides its own state. */
export type Harness = {
  faults: Faults;
  exchanges: Exchange[];
  /** Aborted on close, so requests held by a timeout fault let go. */
  closing: AbortSignal;
};

/**
 * Loads the saved account, builds the app and listens; `close` releases held requests, saves
 * the account and stops listening.
 */
export async function serveSimulator<State>(
  options: ServeOptions,
  sim: {
    state: State;
    load: (state: State, path: string) => void;
    save: (state: State, path: string) => void;
    app: (harness: Harness) => { fetch: Fetch };
  },
) {
  const { statePath } = options;
  if (statePath) sim.load(sim.state, statePath);
  const faults = new Faults();
  const exchanges: Exchange[] = [];
  const closing = new AbortController();
  const app = sim.app({ faults, exchanges, closing: closing.signal });
  const http = await listen(app.fetch, { host: options.host ?? "127.0.0.1", port: options.port });
  return {
    origin: http.origin,
    faults,
    exchanges,
    close: async () => {
      closing.abort();
      if (statePath) sim.save(sim.state, statePath);
      await http.close();
    },
  };
}
