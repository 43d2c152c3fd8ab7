/**
 * The outside services the stack talks to: the real ones when configured, local simulators
 * otherwise. Each stand-in speaks the real API, so the handlers can't tell the difference.
 */
export type TogetherOption = "simulator" | { apiKey: string; baseUrl: string };

type Env = Record<string, string | undefined>;
type Sim = { port: number; timeScale?: number; statePath?: string; hubUrl?: string };

export interface StandIn {
  /** The env the handlers get to reach it. */
  env: Record<string, string>;
  /** Set when a simulator runs. */
  simulatorUrl?: string;
  stop(): Promise<void>;
}

const real = (env: Record<string, string>): StandIn => ({ env, stop: async () => {} });

/**
 * Real Together when a key is given (option or TOGETHER_API_KEY), otherwise the simulator, which
 * checks uploads of Hub repos against `sim.hubUrl` (the Hub the handlers read).
 */
export async function startTogether(
  option: TogetherOption | undefined,
  env: Env,
  sim: Sim,
): Promise<StandIn> {
  const choice =
    option ??
    (env.TOGETHER_API_KEY
      ? { apiKey: env.TOGETHER_API_KEY, baseUrl: env.TOGETHER_BASE_URL ?? "https://api.together.ai/v1" }
      : "simulator");
  if (choice !== "simulator") {
    // v2's base, inference host and project follow TOGETHER_BASE_URL and the key unless set.
    const v2 = ["TOGETHER_V2_BASE_URL", "TOGETHER_INFERENCE_URL", "TOGETHER_PROJECT_ID"];
    return real({
      TOGETHER_API_KEY: choice.apiKey,
      TOGETHER_BASE_URL: choice.baseUrl,
      ...Object.fromEntries(v2.flatMap((k) => (env[k] ? [[k, env[k] as string]] : []))),
    });
  }
  const { startTogetherSimulator } = await import("@hangar/simulators/together/index");
  const s = await startTogetherSimulator(sim);
  return {
    env: { TOGETHER_API_KEY: s.apiKey, TOGETHER_BASE_URL: s.url },
    simulatorUrl: s.url,
    stop: s.close,
  };
}

/** Real Fireworks with FIREWORKS_API_KEY and FIREWORKS_ACCOUNT_ID, otherwise the simulator. */
export async function startFireworks(env: Env, sim: Sim): Promise<StandIn> {
  if (env.FIREWORKS_API_KEY && env.FIREWORKS_ACCOUNT_ID) {
    const pick = [
      "FIREWORKS_API_KEY",
      "FIREWORKS_ACCOUNT_ID",
      "FIREWORKS_BASE_URL",
      "FIREWORKS_INFERENCE_URL",
    ];
    return real(Object.fromEntries(pick.flatMap((k) => (env[k] ? [[k, env[k] as string]] : []))));
  }
  const { startFireworksSimulator } = await import("@hangar/simulators/fireworks/index");
  const s = await startFireworksSimulator(sim);
  return {
    env: {
      FIREWORKS_API_KEY: s.apiKey,
      FIREWORKS_ACCOUNT_ID: s.account,
      FIREWORKS_BASE_URL: s.url,
      FIREWORKS_INFERENCE_URL: s.inferenceUrl,
    },
    simulatorUrl: s.url,
    stop: s.close,
  };
}

/** The real Hub with HF_ENDPOINT set, otherwise the Hub simulator with its demo and well-known repos. */
export async function startHuggingFace(env: Env, sim: Pick<Sim, "port">): Promise<StandIn> {
  if (env.HF_ENDPOINT) return real({ HF_ENDPOINT: env.HF_ENDPOINT });
  const { parseScale, startHubSimulator } = await import("@hangar/simulators/huggingface/index");
  const s = await startHubSimulator({ port: sim.port, scale: parseScale(env.HANGAR_HF_SIM_SCALE) });
  return { env: { HF_ENDPOINT: s.url }, simulatorUrl: s.url, stop: s.close };
}
