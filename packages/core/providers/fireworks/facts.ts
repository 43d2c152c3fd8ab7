import type { ProviderFacts } from "../../src/provider";

export const FIREWORKS_BASE_URL = "https://api.fireworks.ai";

export const facts: ProviderFacts = {
  name: "fireworks",
  env: ["FIREWORKS_API_KEY", "FIREWORKS_ACCOUNT_ID"],
  secrets: "FireworksApiKey and FireworksAccountId",
  inferenceUrl: () =>
    `${(process.env.FIREWORKS_INFERENCE_URL || `${FIREWORKS_BASE_URL}/inference/v1`).replace(/\/$/, "")}/chat/completions`,
  // The account metrics endpoint: one scrape covers every deployment of the account.
  usage: { account: () => (process.env.FIREWORKS_API_KEY && process.env.FIREWORKS_ACCOUNT_ID) || undefined },
};
