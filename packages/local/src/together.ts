export type TogetherOption = "simulator" | { apiKey: string; baseUrl: string };

export interface LocalTogether {
  apiKey: string;
  baseUrl: string;
  /** Set when the simulator runs. */
  simulatorUrl?: string;
  stop(): Promise<void>;
}

const DEFAULT_BASE_URL = "https://api.together.ai/v1";

/** Real Together when a key is given (option or TOGETHER_API_KEY), otherwise the simulator. */
export async function startTogether(
  option: TogetherOption | undefined,
  env: Record<string, string | undefined>,
  simulator: { port: number; timeScale?: number; statePath?: string },
): Promise<LocalTogether> {
  const choice =
    option ??
    (env.TOGETHER_API_KEY
      ? { apiKey: env.TOGETHER_API_KEY, baseUrl: env.TOGETHER_BASE_URL ?? DEFAULT_BASE_URL }
      : "simulator");
  if (choice !== "simulator") return { ...choice, stop: async () => {} };
  const { startTogetherSimulator } = await import("@hangar/core/providers/together/sim/index");
  const sim = await startTogetherSimulator(simulator);
  return { apiKey: sim.apiKey, baseUrl: sim.url, simulatorUrl: sim.url, stop: async () => sim.close() };
}
