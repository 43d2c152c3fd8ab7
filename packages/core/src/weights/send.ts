import { Readable } from "node:stream";
import type { ModelSpec, Transfer } from "../provider";
import { isRetryableStatus, networkError, WeightsError } from "./errors";
import { readSome, request } from "./http";
import { openHub } from "./huggingface";
import { Meter } from "./meter";
import { openS3 } from "./s3";
import { parseWeightsSource } from "./source";
import type { SendOptions, Sent, WeightsFile } from "./types";

/**
 * Streams one file from the model's source to a signed URL: never more than a few chunks in memory,
 * whatever the file's size. Throws a WeightsError; `retryable` tells the worker whether another
 * attempt (with fresh targets) can succeed.
 */
export async function sendFile(
  model: ModelSpec,
  file: WeightsFile,
  target: Transfer,
  options: SendOptions = {},
): Promise<Sent> {
  if (target.path !== file.path || target.size !== file.size)
    throw new WeightsError(
      "weights.target_rejected",
      `The upload target is for ${target.path} (${target.size} bytes), not ${file.path} (${file.size} bytes)`,
      { retryable: false },
    );
  const { signal } = options;
  const source = parseWeightsSource(model.source);
  const opened =
    source.kind === "huggingface"
      ? await openHub(source, file.path, model.hfToken, signal)
      : await openS3(source, file.path, signal);
  const meter = new Meter(file, options.onProgress);
  try {
    if (opened.length !== undefined && opened.length !== file.size)
      throw new WeightsError(
        "weights.size_mismatch",
        `${file.path}: the source now has ${opened.length} bytes, not the ${file.size} listed; it changed`,
        { retryable: false },
      );
    const response = await request(target.url, {
      method: target.method,
      headers: uploadHeaders(target, file.size),
      // objectMode off: the upload sees a plain byte stream; highWaterMark bounds the read-ahead.
      body: Readable.from(meter.pipe(opened.body as AsyncIterable<Buffer>, signal), {
        objectMode: false,
        highWaterMark: 64 * 1024,
      }),
      signal,
    }).catch((error: unknown) => {
      throw meter.failure ?? networkError(`uploading ${file.path} to ${host(target.url)}`, error, signal);
    });
    if (response.statusCode < 200 || response.statusCode >= 300)
      throw await targetError(response.statusCode, await readSome(response.body, 1000), file, target);
    await response.body.dump();
    // A sink may answer before reading it all; the meter's own checks only ran if it read to the end.
    if (meter.failure) throw meter.failure;
    if (meter.bytes !== file.size || !meter.sha256)
      throw new WeightsError("weights.unavailable", `${file.path}: upload ended after ${meter.bytes} bytes`, {
        retryable: true,
      });
    meter.finish();
    return { bytes: meter.bytes, sha256: meter.sha256 };
  } finally {
    opened.body.destroy();
  }
}

/** The signed headers exactly as given, plus the length; keys compared case-insensitively. */
function uploadHeaders(target: Transfer, size: number): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(target.headers)) headers[name.toLowerCase()] = value;
  headers["content-length"] = String(size);
  return headers;
}

/** Only the host: the signed URL's query string is a credential. */
function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the upload URL";
  }
}

/** GCS answers XML (`<Code>SignatureDoesNotMatch</Code>`); keep the code, not the string-to-sign. */
function targetError(status: number, body: string, file: WeightsFile, target: Transfer): WeightsError {
  const code =
    /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1] ??
    (/^[\w .,:'-]{1,200}$/.test(body.trim()) ? body.trim() : "");
  const message = `Upload of ${file.path} to ${host(target.url)} answered ${status}${code ? ` (${code})` : ""}`;
  if (status === 401 || status === 403 || code === "ExpiredToken")
    return new WeightsError("weights.target_expired", `${message}; the signed URL may have expired`, {
      retryable: true,
      status,
    });
  if (isRetryableStatus(status))
    return new WeightsError("weights.unavailable", message, { retryable: true, status });
  return new WeightsError("weights.target_rejected", message, { retryable: false, status });
}
