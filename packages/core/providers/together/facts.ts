import type { ApiVersion, ProviderFacts } from "../../src/provider";

export const TOGETHER_BASE_URL = "https://api.together.ai/v1";
export const TOGETHER_V2_BASE_URL = "https://api.together.ai/v2";
export const TOGETHER_INFERENCE_URL = "https://api-inference.together.ai/v1";

const trim = (url: string) => url.replace(/\/+$/, "");

/**
 * Where each part of Together lives. Explicit settings win; a TOGETHER_BASE_URL alone (a proxy,
 * the simulator) moves all three: v2 beside it (`…/v1` → `…/v2`) and inference onto it.
 */
export function togetherUrls() {
  const base = process.env.TOGETHER_BASE_URL || undefined;
  const v1 = trim(base ?? TOGETHER_BASE_URL);
  const v2 =
    process.env.TOGETHER_V2_BASE_URL || (base ? `${v1.replace(/\/v1$/, "")}/v2` : TOGETHER_V2_BASE_URL);
  const inference = process.env.TOGETHER_INFERENCE_URL || (base ? v1 : TOGETHER_INFERENCE_URL);
  return { v1, v2: trim(v2), inference: trim(inference) };
}

/** The generation new Together deployments are created on: v2 unless HANGAR_TOGETHER_API=v1. */
export function defaultApiVersion(): ApiVersion {
  return process.env.HANGAR_TOGETHER_API?.toLowerCase() === "v1" ? "v1" : "v2";
}

export const facts: ProviderFacts = {
  name: "together",
  env: ["TOGETHER_API_KEY"],
  secrets: "TogetherApiKey",
  inferenceUrl: (apiVersion?: ApiVersion) => {
    const urls = togetherUrls();
    return `${(apiVersion ?? defaultApiVersion()) === "v2" ? urls.inference : urls.v1}/chat/completions`;
  },
  // v2 analytics count what each endpoint served (one read per endpoint of the project); v1 has none.
  usage: {
    account: () => (process.env.TOGETHER_API_KEY ? process.env.TOGETHER_PROJECT_ID || "default" : undefined),
    covers: (apiVersion) => (apiVersion ?? "v1") === "v2",
  },
};
