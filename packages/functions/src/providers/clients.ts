import { registerProviders } from "@hangar/core/provider/lookup";
import { facts as fireworks } from "@hangar/core/providers/fireworks/facts";
import { createFireworksProvider } from "@hangar/core/providers/fireworks/provider";
import { facts as together } from "@hangar/core/providers/together/facts";
import { createTogetherProvider } from "@hangar/core/providers/together/provider";

/** For the functions that call providers; each client is built on its first use. */
export function registerProviderClients() {
  registerProviders([
    { facts: together, client: createTogetherProvider },
    { facts: fireworks, client: createFireworksProvider },
  ]);
}
