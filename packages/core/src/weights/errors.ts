/**
 * Why moving weights failed. Not a `ProviderError`: the source (Hugging Face, S3) is not a provider,
 * and the signed URL's host is storage, not the provider's API. It has the same `retryable`/`code`
 * surface, so the worker treats both alike: retry the job, or fail the deployment with `message`.
 * Messages never carry a token or a signed URL (its query string is a credential).
 */
export type WeightsErrorCode =
  /** 401/403 from the source: private or gated without (the right) hfToken, or no S3 access. */
  | "weights.unauthorized"
  /** No such repo, revision, bucket or file. */
  | "weights.not_found"
  /** The source isn't one we can list: not `hf://org/repo[@rev]` or `s3://bucket[/prefix]`. */
  | "weights.invalid_source"
  /** The bytes sent differ in count from the listed size: the source changed or is corrupt. */
  | "weights.size_mismatch"
  /** Same count, different sha256 than the source listed: corrupt or changed. */
  | "weights.checksum_mismatch"
  /** The signed URL refused the upload (4xx other than expiry): a request we can't fix by retrying. */
  | "weights.target_rejected"
  /** 401/403 from the signed URL: most likely expired; retry with fresh targets. */
  | "weights.target_expired"
  /** A file read for its content (a config) is too large or not what it should be. */
  | "weights.invalid_content"
  /** Network failure, timeout, 408/429/5xx on either side. */
  | "weights.unavailable"
  | "weights.aborted";

export class WeightsError extends Error {
  constructor(
    readonly code: WeightsErrorCode,
    message: string,
    readonly options: { retryable: boolean; status?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = "WeightsError";
  }
  get retryable() {
    return this.options.retryable;
  }
  get status() {
    return this.options.status;
  }
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Network-level failures (resets, refused connections, undici timeouts) are worth another attempt. */
export function networkError(what: string, error: unknown, signal?: AbortSignal): WeightsError {
  if (error instanceof WeightsError) return error;
  if (signal?.aborted)
    return new WeightsError("weights.aborted", `${what}: aborted`, { retryable: true, cause: error });
  const detail =
    error instanceof Error ? ((error as { code?: string }).code ?? error.message) : String(error);
  return new WeightsError("weights.unavailable", `${what}: ${detail}`, { retryable: true, cause: error });
}
