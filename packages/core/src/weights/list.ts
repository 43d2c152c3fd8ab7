import type { ModelSpec } from "../provider";
import { WeightsError } from "./errors";
import { listHub } from "./huggingface";
import { listS3 } from "./s3";
import { parseWeightsSource } from "./source";
import type { WeightsFile } from "./types";

/**
 * Every file of the model's source, sorted by path: no guessing which files a provider needs.
 * Skipped: directories, S3 folder markers and `.gitattributes`. An empty source is an error, since
 * S3 can't tell a mistyped prefix from an empty one.
 */
export async function listFiles(
  model: ModelSpec,
  options: { signal?: AbortSignal } = {},
): Promise<WeightsFile[]> {
  const source = parseWeightsSource(model.source);
  const files =
    source.kind === "huggingface"
      ? await listHub(source, model.hfToken, options.signal)
      : await listS3(source, options.signal);
  if (files.length === 0)
    throw new WeightsError("weights.not_found", `${model.source} has no files to send`, { retryable: false });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
