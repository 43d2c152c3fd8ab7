import { type Simulator, type SimulatorOptions, serveSimulator } from "../shared/server";
import { createSimApp } from "./app";
import { loadState, saveState } from "./persist";
import { SimState, type Steps } from "./state";

export type { Exchange } from "../shared/exchanges";
export type { FaultKind, FaultRates } from "../shared/faults";
export { catalog } from "./catalog";
export { IDLE_DELETE_SECONDS } from "./deployments";
export { routeKey } from "./http";
export { CORRUPT_UPLOAD } from "./routes/control";
export type { Steps } from "./state";

/** `timeScale` scales steps, scale-to-zero windows and the 7-day idle delete alike. */
export type FireworksSimulatorOptions = SimulatorOptions<Steps> & {
  account?: string;
  /** Caps `pageSize`, so tests can make lists span pages. */
  maxPageSize?: number;
};

export type FireworksSimulator = Simulator<SimState> & {
  /** Control-plane base (FIREWORKS_BASE_URL), e.g. http://127.0.0.1:8791. */
  url: string;
  /** FIREWORKS_INFERENCE_URL: `<url>/inference/v1`. */
  inferenceUrl: string;
  account: string;
};

export const DEFAULT_SIM_API_KEY = "sim-fireworks-key";

/** A local stand-in for Fireworks' Gateway API, signed-URL storage and inference, over real HTTP. */
export async function startFireworksSimulator(
  options: FireworksSimulatorOptions = {},
): Promise<FireworksSimulator> {
  const apiKey = options.apiKey ?? DEFAULT_SIM_API_KEY;
  const account = options.account ?? "hangar-sim";
  const state = new SimState({
    account,
    timeScale: options.timeScale ?? 1,
    steps: options.steps,
    maxPageSize: options.maxPageSize,
  });
  const { origin, ...served } = await serveSimulator(options, {
    state,
    load: loadState,
    save: saveState,
    app: (harness) => createSimApp({ ...harness, state, apiKey, onExchange: options.onExchange }),
  });
  return {
    url: origin,
    inferenceUrl: `${origin}/inference/v1`,
    controlUrl: `${origin}/_sim`,
    apiKey,
    account,
    state,
    ...served,
  };
}
