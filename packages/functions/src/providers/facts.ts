import { registerProviders } from "@hangar/core/provider/lookup";
import { facts as fireworks } from "@hangar/core/providers/fireworks/facts";
import { facts as together } from "@hangar/core/providers/together/facts";

/** For functions that describe deployments but never call a provider: no client code is bundled. */
export function registerProviderFacts() {
  registerProviders([{ facts: together }, { facts: fireworks }]);
}
