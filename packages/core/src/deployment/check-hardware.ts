import { Config } from "../config";
import { VisibleError } from "../error";
import { closeMatches } from "../hardware/match";
import { hardwareList } from "../hardware/price";
import type { ApiVersion, Hardware, ProviderName } from "../provider";
import { ProviderError } from "../provider/error";
import { log } from "../util/log";
import type { Warning } from "./row";

/** How long a create waits for the provider's hardware list before going ahead unchecked. */
const LIST_TIMEOUT_MS = 3000;

/** The Hangar route that lists the ids `hardware.unknown` would accept. */
export function hardwareRoute(provider: ProviderName, model?: string, apiVersion?: ApiVersion) {
  // The route lists the default generation's catalogue without being told.
  const other: Record<string, string> =
    apiVersion && apiVersion !== Config.togetherApi() ? { apiVersion } : {};
  const query = new URLSearchParams({ provider, ...(model ? { model } : {}), ...other });
  return `/v1/hardware?${query}`;
}

/**
 * The hardware `id` names at `provider` (for `model` when the provider knows the model already,
 * otherwise anything it offers). Unknown ids are refused with the closest ones; a provider that
 * doesn't answer in time leaves the id unchecked, with a warning, rather than blocking the deploy.
 * An alias (a v1 id for a Together v2 deployment) answers the hardware under its own id.
 */
export async function checkHardware(
  provider: ProviderName,
  id: string,
  model?: string,
  apiVersion?: ApiVersion,
): Promise<{ hardware?: Hardware; warnings: Warning[] }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), LIST_TIMEOUT_MS);
  });
  let list: Hardware[] | undefined;
  try {
    list = await Promise.race([hardwareList(provider, { model, apiVersion }), timeout]);
  } catch (error) {
    if (error instanceof ProviderError && error.code === "model_not_deployable") {
      throw new VisibleError(
        "unprocessable",
        "hardware.model_not_deployable",
        `${provider} cannot deploy ${model} on dedicated hardware.`,
      );
    }
    log.warn("hardware list unavailable; hardware id not checked", { provider, error });
  } finally {
    clearTimeout(timer);
  }
  if (!list) return { warnings: [unchecked(provider, id)] };
  const found = list.find((h) => h.id === id) ?? list.find((h) => h.aliases?.includes(id));
  if (found) return { hardware: found, warnings: [] };
  const route = hardwareRoute(provider, model, apiVersion);
  const suggestions = closeMatches(
    id,
    list.map((h) => h.id),
  );
  const hint = `${suggestions.length ? ` Did you mean ${suggestions.join(" or ")}?` : ""} GET ${route} lists the valid ids.`;
  const details = { hardware: id, provider, ...(model ? { model } : {}), suggestions, list: route };
  if (model && (await offered(provider, id, apiVersion))) {
    throw new VisibleError(
      "unprocessable",
      "hardware.incompatible",
      `${id} can't serve ${model} at ${provider} (too little GPU memory, or not offered for it).${hint}`,
      details,
    );
  }
  throw new VisibleError(
    "unprocessable",
    "hardware.unknown",
    `${id} is not hardware ${provider} offers${model ? ` for ${model}` : ""}.${hint}`,
    details,
  );
}

/** Whether the provider offers `id` at all, for any model; false when it can't say. */
async function offered(provider: ProviderName, id: string, apiVersion?: ApiVersion) {
  const all = await hardwareList(provider, { apiVersion }).catch(() => []);
  return all.some((h) => h.id === id || h.aliases?.includes(id));
}

const unchecked = (provider: ProviderName, id: string): Warning => ({
  code: "hardware.unchecked",
  message: `${provider} did not list its hardware in time, so ${id} was not checked; the provider checks it when the endpoint is created.`,
});
