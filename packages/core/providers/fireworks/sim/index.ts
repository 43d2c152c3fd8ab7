import { listen } from "../../../src/provider/sim-server";
import type { Exchange } from "../../together/sim/exchanges";
import { Faults } from "../../together/sim/faults";
import { createSimApp } from "./app";
import { routeKey } from "./http";
import { loadState, saveState } from "./persist";
import { SimState, type Steps } from "./state";

export type { Exchange } from "../../together/sim/exchanges";
export type { FaultKind, FaultRates } from "../../together/sim/faults";
export { catalog } from "./catalog";
export { IDLE_DELETE_SECONDS } from "./deployments";
export { routeKey } from "./http";
export { CORRUPT_UPLOAD } from "./routes/control";
export type { Steps } from "./state";

export type FireworksSimulatorOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Multiplies every simulated duration: steps, scale-to-zero windows, the 7-day idle delete. */
  timeScale?: number;
  steps?: Partial<Steps>;
  apiKey?: string;
  account?: string;
  /** Caps `pageSize`, so tests can make lists span pages. */
  maxPageSize?: number;
  onExchange?: (exchange: Exchange) => void;
  /** A file to load the simulated account from at start and save it to on close. */
  statePath?: string;
};

export type FireworksSimulator = {
  /** Control-plane base (FIREWORKS_BASE_URL), e.g. http://127.0.0.1:8791. */
  url: string;
  /** FIREWORKS_INFERENCE_URL: `<url>/inference/v1`. */
  inferenceUrl: string;
  /** Root of the test-only control API (`…/_sim`). */
  controlUrl: string;
  apiKey: string;
  account: string;
  state: SimState;
  faults: Faults;
  exchanges: Exchange[];
  close(): Promise<void>;
};

export const DEFAULT_SIM_API_KEY = "sim-fireworks-key";

/** A local stand-in for Fireworks' Gateway API, signed-URL storage and inference, over real HTTP. */
export async function startFireworksSimulator(
  options: FireworksSimulatorOptions = {},
): Promise<FireworksSimulator> {
  const host = options.host ?? "127.0.0.1";
  const apiKey = options.apiKey ?? DEFAULT_SIM_API_KEY;
  const account = options.account ?? "hangar-sim";
  const state = new SimState({
    account,
    timeScale: options.timeScale ?? 1,
    steps: options.steps,
    maxPageSize: options.maxPageSize,
  });
  if (options.statePath) loadState(state, options.statePath);
  const faults = new Faults();
  const exchanges: Exchange[] = [];
  const closing = new AbortController();
  const onExchange = (exchange: Exchange) => {
    // The shared exchange log names routes Together's way; Fireworks' paths get their own templates.
    exchange.route = routeKey(exchange.method, exchange.path);
    options.onExchange?.(exchange);
  };
  const app = createSimApp({ state, faults, apiKey, exchanges, onExchange, closing: closing.signal });

  const http = await listen(app.fetch, { host, port: options.port });
  const origin = http.origin;

  return {
    url: origin,
    inferenceUrl: `${origin}/inference/v1`,
    controlUrl: `${origin}/_sim`,
    apiKey,
    account,
    state,
    faults,
    exchanges,
    close: async () => {
      closing.abort();
      if (options.statePath) saveState(state, options.statePath);
      await http.close();
    },
  };
}
