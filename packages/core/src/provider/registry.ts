import { createFireworksProvider } from "../../providers/fireworks/provider";
import { createTogetherProvider } from "../../providers/together";
import type { Provider, ProviderName } from ".";

const providers = new Map<ProviderName, Provider>();

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
