import type { ApiVersion, Hardware, ProviderName } from "../provider";
import { useProvider } from "../provider/lookup";
import { log } from "../util/log";

/** A price per replica-hour and where it came from. */
export type Price = {
  hardware: string;
  pricePerHour: number;
  priceSource: "provider" | "table";
  priceAsOf: string | null;
};

export type CurrentPrice = (provider: ProviderName, hardware: string) => Price | undefined;

const TTL_MS = 60_000;
const cache = new Map<string, { at: number; list: Promise<Hardware[]> }>();

/**
 * The provider's hardware with prices (with a model: what can serve it), cached in memory for a
 * minute per provider and model: every create and hardware change checks its id against it, and
 * deploys and cost reports would otherwise call the provider every time. A failed call is not cached.
 */
export function hardwareList(
  provider: ProviderName,
  options: { model?: string; apiVersion?: ApiVersion; now?: number } = {},
): Promise<Hardware[]> {
  const { model, apiVersion, now = Date.now() } = options;
  const key = `${provider} ${apiVersion ?? ""} ${model ?? ""}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.list;
  const list = useProvider(provider).hardware({
    ...(model === undefined ? {} : { model }),
    ...(apiVersion ? { apiVersion } : {}),
  });
  cache.set(key, { at: now, list });
  list.catch(() => {
    if (cache.get(key)?.list === list) cache.delete(key);
  });
  return list;
}

export const toPrice = (h: Hardware): Price => ({
  hardware: h.id,
  pricePerHour: h.pricePerHour,
  priceSource: h.priceSource,
  priceAsOf: h.priceAsOf ?? null,
});

/**
 * The price to keep with a new deployment, or undefined when the provider doesn't answer in
 * time: a deploy never waits on, or fails for, a price. Cost then uses current prices.
 */
export async function snapshot(
  provider: ProviderName,
  hardware: string,
  timeoutMs = 2000,
  apiVersion?: ApiVersion,
) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    const list = await Promise.race([hardwareList(provider, { apiVersion }), timeout]);
    const found = list?.find((h) => h.id === hardware || h.aliases?.includes(hardware));
    return found && toPrice(found);
  } catch (error) {
    log.warn("price not kept with the deployment; cost will use current prices", { provider, error });
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** Current prices for the providers a report touches, as a lookup; unreachable providers give none. */
export async function currentPrices(providers: Iterable<ProviderName>): Promise<CurrentPrice> {
  const lists = new Map<ProviderName, Hardware[]>();
  for (const provider of new Set(providers)) {
    try {
      lists.set(provider, await hardwareList(provider));
    } catch (error) {
      log.warn("current prices unavailable", { provider, error });
    }
  }
  return (provider, hardware) => {
    const found = lists.get(provider)?.find((h) => h.id === hardware || h.aliases?.includes(hardware));
    return found && toPrice(found);
  };
}
