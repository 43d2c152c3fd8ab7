import { createFireworksProvider } from "../../providers/fireworks/provider";
import { createTogetherProvider } from "../../providers/together";
import { VisibleError } from "../error";
import type { Provider, ProviderName } from ".";

const providers = new Map<ProviderName, Provider>();

const required: Record<ProviderName, { env: string[]; secrets: string }> = {
  together: { env: ["TOGETHER_API_KEY"], secrets: "TogetherApiKey" },
  fireworks: {
    env: ["FIREWORKS_API_KEY", "FIREWORKS_ACCOUNT_ID"],
    secrets: "FireworksApiKey and FireworksAccountId",
  },
};

/** A provider whose credentials this Hangar lacks is refused up front, not failed at the provider. */
export function assertConfigured(name: ProviderName) {
  if (required[name].env.every((k) => process.env[k])) return;
  throw new VisibleError(
    "unprocessable",
    "provider.not_configured",
    `${name} is not configured on this Hangar: set the ${required[name].secrets} secret${required[name].env.length > 1 ? "s" : ""} (${required[name].env.join(", ")}).`,
  );
}

/** The provider client for a name, built on first use from configuration. */
export function useProvider(name: ProviderName): Provider {
  let provider = providers.get(name);
  if (!provider) {
    provider = create(name);
    providers.set(name, provider);
  }
  return provider;
}

function create(name: ProviderName): Provider {
  switch (name) {
    case "together":
      return createTogetherProvider();
    case "fireworks":
      return createFireworksProvider();
  }
}
