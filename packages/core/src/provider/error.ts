/**
 * A provider call that failed after the client's own retries. `retryable` tells the worker
 * whether to check again later or to fail the deployment with `message`.
 */
export class ProviderError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    readonly options: { status?: number; code?: string; retryable: boolean; body?: unknown },
  ) {
    super(message);
    this.name = "ProviderError";
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
}
