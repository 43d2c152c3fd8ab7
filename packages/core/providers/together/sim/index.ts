import { listen } from "../../../src/provider/sim-server";
import { createSimApp } from "./app";
import type { Exchange } from "./exchanges";
import { Faults } from "./faults";
import { loadState, saveState } from "./persist";
import { SimState, type Steps } from "./state";

export type { Exchange } from "./exchanges";
export type { FaultKind, FaultRates } from "./faults";
export { CORRUPT_WEIGHTS } from "./jobs";
export type { Steps } from "./state";

export type TogetherSimulatorOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Multiplies every simulated duration; 0.01 makes a minute of `inactive_timeout` last 600 ms. */
  timeScale?: number;
  steps?: Partial<Steps>;
  apiKey?: string;
  owner?: string;
  /** Minutes used when a create omits `inactive_timeout`. */
  defaultInactiveTimeout?: number;
  onExchange?: (exchange: Exchange) => void;
  /** A file to load the simulated account from at start and save it to on close. */
  statePath?: string;
};

export type TogetherSimulator = {
  /** Base URL ending in `/v1`, ready for TOGETHER_BASE_URL. */
  url: string;
  /** Root of the control API (`…/_sim`). */
  controlUrl: string;
  apiKey: string;
  state: SimState;
  faults: Faults;
  exchanges: Exchange[];
  close(): Promise<void>;
};

export const DEFAULT_SIM_API_KEY = "sim-together-key";

/** A local stand-in for Together's v1 dedicated-endpoint API, over real HTTP. */
export async function startTogetherSimulator(
  options: TogetherSimulatorOptions = {},
): Promise<TogetherSimulator> {
  const host = options.host ?? "127.0.0.1";
  const apiKey = options.apiKey ?? DEFAULT_SIM_API_KEY;
  const state = new SimState({
    owner: options.owner ?? "devuser",
    timeScale: options.timeScale ?? 1,
    steps: options.steps,
    defaultInactiveTimeout: options.defaultInactiveTimeout,
  });
  if (options.statePath) loadState(state, options.statePath);
  const faults = new Faults();
  const exchanges: Exchange[] = [];
  const closing = new AbortController();
  const app = createSimApp({
    state,
    faults,
    apiKey,
    exchanges,
    onExchange: options.onExchange,
    closing: closing.signal,
  });

  const http = await listen(app.fetch, { host, port: options.port });
  const origin = http.origin;

  return {
    url: `${origin}/v1`,
    controlUrl: `${origin}/_sim`,
    apiKey,
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
