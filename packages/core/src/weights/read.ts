import type { ModelSpec } from "../provider";
import { networkError, WeightsError } from "./errors";
import { openHub } from "./huggingface";
import { openS3 } from "./s3";
import { parseWeightsSource } from "./source";

/** Configs are kilobytes; anything past this is not the file we meant to read. */
export const MAX_JSON_BYTES = 1024 * 1024;

/**
 * One small file of the model's source (a config such as `adapter_config.json`), parsed as JSON.
 * Reading stops at `maxBytes`, so a mistaken path to the weights never lands in memory.
 */
export async function readJson(
  model: ModelSpec,
  path: string,
  options: { maxBytes?: number; signal?: AbortSignal } = {},
): Promise<unknown> {
  const { maxBytes = MAX_JSON_BYTES, signal } = options;
  const source = parseWeightsSource(model.source);
  const where = `${path} of ${model.source}`;
  const opened =
    source.kind === "huggingface"
      ? await openHub(source, path, model.hfToken, signal)
      : await openS3(source, path, signal);
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of opened.body as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes)
        throw new WeightsError("weights.invalid_content", `${where} is larger than ${maxBytes} bytes`, {
          retryable: false,
        });
      chunks.push(chunk);
    }
  } catch (error) {
    throw networkError(`reading ${where}`, error, signal);
  } finally {
    opened.body.destroy();
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new WeightsError("weights.invalid_content", `${where} is not valid JSON`, { retryable: false });
  }
}
