import { registerProviderClients } from "@hangar/functions/providers/clients";

// Test files call the domain directly, as a function's entry would after registering providers.
registerProviderClients();
