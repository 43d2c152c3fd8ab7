import type { ProviderFacts } from "../../src/provider";

export const TOGETHER_BASE_URL = "https://api.together.ai/v1";

export const facts: ProviderFacts = {
  name: "together",
  env: ["TOGETHER_API_KEY"],
  secrets: "TogetherApiKey",
  inferenceUrl: () =>
    `${(process.env.TOGETHER_BASE_URL || TOGETHER_BASE_URL).replace(/\/$/, "")}/chat/completions`,
};
