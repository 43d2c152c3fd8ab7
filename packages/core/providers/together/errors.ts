import { ProviderError, type ProviderErrorOptions } from "../../src/provider/error";
import type { ProviderErrors } from "../../src/provider/http";

/** Every failure of a Together call. The message comes from Together's error body, never from our request. */
export class TogetherError extends ProviderError {
  constructor(message: string, options: ProviderErrorOptions) {
    super("together", message, options);
  }

  /** The error class for an HTTP status, in one place (the Stainless `APIError.generate`). */
  static generate(status: number, body: unknown, headers: Headers, retryAfterMs?: number): TogetherError {
    const { message, code } = describe(status, body);
    const Class = byStatus[status] ?? (status >= 500 ? InternalServerError : TogetherError);
    return new Class(message, { status, code, body, retryable: shouldRetry(status, headers), retryAfterMs });
  }
}

export class BadRequestError extends TogetherError {}
export class AuthenticationError extends TogetherError {}
export class PermissionDeniedError extends TogetherError {}
export class NotFoundError extends TogetherError {}
export class ConflictError extends TogetherError {}
export class UnprocessableEntityError extends TogetherError {}
export class RateLimitError extends TogetherError {}
export class InternalServerError extends TogetherError {}
export class TimeoutError extends TogetherError {}
export class ConnectionError extends TogetherError {}
/** Together answered 2xx with a body we could not read. */
export class InvalidResponseError extends TogetherError {}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Together may override the status rule with `x-should-retry: true|false`. */
export function shouldRetry(status: number, headers: Headers): boolean {
  const hint = headers.get("x-should-retry");
  if (hint === "true") return true;
  if (hint === "false") return false;
  return isRetryableStatus(status);
}

type ErrorBody = { error?: { message?: unknown; type?: unknown; code?: unknown } };

function describe(status: number, body: unknown): { message: string; code?: string } {
  const error = (body as ErrorBody | null)?.error;
  const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);
  if (error && typeof error === "object") {
    return {
      message: str(error.message) ?? `Together returned ${status}`,
      code: str(error.code) ?? str(error.type),
    };
  }
  if (typeof body === "string" && body.trim()) return { message: body.trim().slice(0, 500) };
  return { message: `Together returned ${status}` };
}

const byStatus: Record<number, typeof TogetherError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** How the shared transport words and classifies Together's failures. */
export function transportErrors(
  retryOn: (status: number, headers: Headers) => boolean = shouldRetry,
): ProviderErrors {
  return {
    name: "together",
    label: "Together",
    fromResponse: TogetherError.generate,
    shouldRetry: retryOn,
    owns: (error) => error instanceof TogetherError,
    timeout: (message, init) => new TimeoutError(message, init),
    connection: (message, init) => new ConnectionError(message, init),
    invalidResponse: (message, init) => new InvalidResponseError(message, init),
  };
}
