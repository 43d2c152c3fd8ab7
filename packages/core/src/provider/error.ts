/**
 * A provider call that failed after the client's own retries. `retryable` tells the worker
 * whether to check again later or to fail the deployment with `message`.
 */
export type ProviderErrorOptions = {
  status?: number;
  code?: string;
  retryable: boolean;
  body?: unknown;
  /** The server's own wait before a retry (`Retry-After`), which the retry loop honours. */
  retryAfterMs?: number;
};

export class ProviderError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    readonly options: ProviderErrorOptions,
  ) {
    super(message);
    this.name = new.target.name;
  }
  get retryable() {
    return this.options.retryable;
  }
  get status() {
    return this.options.status;
  }
  get code() {
    return this.options.code;
  }
  get retryAfterMs() {
    return this.options.retryAfterMs;
  }
}
