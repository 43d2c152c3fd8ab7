import { type Simulator, type SimulatorOptions, serveSimulator } from "../shared/server";
import { createSimApp } from "./app";
import { loadState, saveState } from "./persist";
import { SimState, type Steps } from "./state";

export type { Exchange } from "../shared/exchanges";
export type { FaultKind, FaultRates } from "../shared/faults";
export { CORRUPT_WEIGHTS } from "./jobs";
export type { Steps } from "./state";

/** A `timeScale` of 0.01 makes a minute of `inactive_timeout` last 600 ms. */
export type TogetherSimulatorOptions = SimulatorOptions<Steps> & {
  owner?: string;
  /** Minutes used when a create omits `inactive_timeout`. */
  defaultInactiveTimeout?: number;
  /**
   * The Hub (real, or the Hub simulator) that uploads of Hub repos are checked against, as
   * Together's importer would meet them: a missing, private or gated repo fails its job. Unset,
   * any source uploads.
   */
  hubUrl?: string;
};

export type TogetherSimulator = Simulator<SimState> & {
  /** Base URL ending in `/v1`, ready for TOGETHER_BASE_URL. */
  url: string;
};

export const DEFAULT_SIM_API_KEY = "sim-together-key";

/** A local stand-in for Together's v1 dedicated-endpoint API, over real HTTP. */
export async function startTogetherSimulator(
  options: TogetherSimulatorOptions = {},
): Promise<TogetherSimulator> {
  const apiKey = options.apiKey ?? DEFAULT_SIM_API_KEY;
  const state = new SimState({
    owner: options.owner ?? "devuser",
    timeScale: options.timeScale ?? 1,
    steps: options.steps,
    defaultInactiveTimeout: options.defaultInactiveTimeout,
    hubUrl: options.hubUrl,
  });
  const { origin, ...served } = await serveSimulator(options, {
    state,
    load: loadState,
    save: saveState,
    app: (harness) => createSimApp({ ...harness, state, apiKey, onExchange: options.onExchange }),
  });
  return { url: `${origin}/v1`, controlUrl: `${origin}/_sim`, apiKey, state, ...served };
}
