import { VisibleError } from "../error";
import type { ApiVersion, Provider, ProviderFacts, ProviderName } from ".";

/**
 * One provider as a function's entry hands it to the domain: its facts, and a way to build its
 * client where the function calls providers (the API and the worker; crons never do). The client
 * is loaded with `import()`, so a function's cold start carries no provider's client code, and a
 * call loads only the provider it is for.
 */
export type Registration = { facts: ProviderFacts; client?: () => Promise<Provider> };

const registrations = new Map<ProviderName, Registration>();
const clients = new Map<ProviderName, Promise<Provider>>();

/**
 * Called by each function's entry (packages/functions/src/providers) before any domain call. The
 * local stack loads every entry in one process, so a registration without a client never drops
 * one an earlier entry gave.
 */
export function registerProviders(list: readonly Registration[]) {
  for (const { facts, client } of list) {
    registrations.set(facts.name, { facts, client: client ?? registrations.get(facts.name)?.client });
  }
}

function registration(name: ProviderName): Registration {
  const found = registrations.get(name);
  if (!found)
    throw new Error(`No ${name} provider is registered: the function's entry must register providers`);
  return found;
}

/** A provider whose credentials this Hangar lacks is refused up front, not failed at the provider. */
export function assertConfigured(name: ProviderName) {
  const { env, secrets } = registration(name).facts;
  if (env.every((k) => process.env[k])) return;
  throw new VisibleError(
    "unprocessable",
    "provider.not_configured",
    `${name} is not configured on this Hangar: set the ${secrets} secret${env.length > 1 ? "s" : ""} (${env.join(", ")}).`,
  );
}

/** The registered providers' facts (crons see these without any client). */
export function registeredFacts(): ProviderFacts[] {
  return [...registrations.values()].map((r) => r.facts);
}

/**
 * The account a provider's usage read covers, for deployments the provider measures (on this API
 * generation); else undefined.
 */
export function usageAccount(name: ProviderName, apiVersion?: ApiVersion): string | undefined {
  const usage = registrations.get(name)?.facts.usage;
  if (!usage || (usage.covers && !usage.covers(apiVersion))) return undefined;
  return usage.account();
}

/** Where the provider's OpenAI-compatible inference lives. */
export function inferenceUrl(name: ProviderName, apiVersion?: ApiVersion): string {
  return registration(name).facts.inferenceUrl(apiVersion);
}

/** The provider client for a name, loaded and built on first use from configuration. */
export function useProvider(name: ProviderName): Promise<Provider> {
  let provider = clients.get(name);
  if (!provider) {
    const build = registration(name).client;
    if (!build)
      throw new Error(`This function has no ${name} client: its entry registered provider facts only`);
    provider = build();
    clients.set(name, provider);
    // A client that failed to load or build is not kept: the next call tries again.
    provider.catch(() => {
      if (clients.get(name) === provider) clients.delete(name);
    });
  }
  return provider;
}
