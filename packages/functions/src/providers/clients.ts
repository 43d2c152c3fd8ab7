import { registerProviders } from "@hangar/core/provider/lookup";
import { facts as fireworks } from "@hangar/core/providers/fireworks/facts";
import { facts as together } from "@hangar/core/providers/together/facts";

/**
 * For the functions that call providers. A client's code (its HTTP transport, wire schemas, S3 for
 * Together's sources) is imported on its first use, so a cold start loads none of it and a call
 * loads only its own provider's; bundled with code splitting, each is a chunk of its own.
 */
export function registerProviderClients() {
  registerProviders([
    {
      facts: together,
      client: async () => (await import("@hangar/core/providers/together/provider")).createTogetherProvider(),
    },
    {
      facts: fireworks,
      client: async () =>
        (await import("@hangar/core/providers/fireworks/provider")).createFireworksProvider(),
    },
  ]);
}
