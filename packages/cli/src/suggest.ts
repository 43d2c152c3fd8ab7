import { HangarError, unwrap, WaitError } from "@hangar/sdk";
import type { Context } from "./context";

/** Errors that mean "this model can't be had": worth pointing at what can. */
const MODEL_CODES = /^(weights\.(not_found|unauthorized|invalid_source)|model\.|deployment\.base_|upload\.)/;

function codeOf(error: unknown): string | undefined {
  if (error instanceof WaitError) {
    return (error.deployment as { lastError?: { code?: string } | null }).lastError?.code ?? undefined;
  }
  return error instanceof HangarError ? error.code : undefined;
}

/**
 * After a deploy fails on its model, names up to five models the provider can deploy that look
 * like the one asked for (`GET /v1/models`), on stderr. Best effort: a failure here stays silent.
 */
export async function suggestModels(
  ctx: Context,
  provider: "together" | "fireworks",
  wanted: string,
  error: unknown,
) {
  const code = codeOf(error);
  if (ctx.json || !code || !MODEL_CODES.test(code)) return;
  try {
    const { data } = unwrap(await ctx.hangar.api.GET("/v1/models", { params: { query: { provider } } }));
    const words = wanted
      .replace(/^hf:\/\//, "")
      .toLowerCase()
      .split(/[^a-z0-9.]+/)
      .filter((w) => w.length > 1);
    const scored = data
      .map((m) => ({ id: m.id, score: words.filter((w) => m.id.toLowerCase().includes(w)).length }))
      .filter((m) => m.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, 5);
    const list = scored.length ? scored : data.slice(0, 5).map((m) => ({ id: m.id }));
    if (list.length === 0) return;
    process.stderr.write(`Models ${provider} can deploy (hangar models --provider ${provider}):\n`);
    for (const m of list) process.stderr.write(`  ${m.id}\n`);
  } catch {
    // Suggestions are a courtesy; the original error is what the user needs.
  }
}
