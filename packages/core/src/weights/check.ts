import type { ModelSpec } from "../provider";
import { checkHub } from "./huggingface";
import { parseWeightsSource } from "./source";

/**
 * Throws the WeightsError a transfer would meet later, if the source can't be read: a missing repo
 * or revision, a private or gated one without the right hfToken. Only Hub sources are asked; an S3
 * source is read with the worker's own access, which the API can't check for it.
 */
export async function checkSource(
  model: Pick<ModelSpec, "source" | "hfToken">,
  signal?: AbortSignal,
): Promise<void> {
  if (!model.source.trim().startsWith("hf://")) return;
  const source = parseWeightsSource(model.source);
  if (source.kind === "huggingface") await checkHub(source, model.hfToken, signal);
}
