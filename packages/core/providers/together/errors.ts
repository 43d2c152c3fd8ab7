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
/** v2's gRPC-gateway status: `{code: 6, message: "Already Exists", details: [{type, title, …}]}`. */
type StatusBody = { code?: unknown; message?: unknown; details?: unknown };

/** gRPC status numbers v2 answers with, by their canonical names. */
const grpcCodes: Record<number, string> = {
  1: "cancelled",
  2: "unknown",
  3: "invalid_argument",
  4: "deadline_exceeded",
  5: "not_found",
  6: "already_exists",
  7: "permission_denied",
  8: "resource_exhausted",
  9: "failed_precondition",
  10: "aborted",
  11: "out_of_range",
  12: "unimplemented",
  13: "internal",
  14: "unavailable",
  16: "unauthenticated",
};

const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);

/** Both generations' error bodies: v1 (and v2 inference) `{error: {…}}`, v2 management `{code, message}`. */
export function describe(status: number, body: unknown): { message: string; code?: string } {
  const error = (body as ErrorBody | null)?.error;
  if (error && typeof error === "object") {
    return {
      message: str(error.message) ?? `Together returned ${status}`,
      code: str(error.code) ?? str(error.type),
    };
  }
  const grpc = body as StatusBody | null;
  if (grpc && typeof grpc === "object" && (str(grpc.message) || typeof grpc.code === "number")) {
    return {
      message: str(grpc.message) ?? `Together returned ${status}`,
      code: typeof grpc.code === "number" ? grpcCodes[grpc.code] : str(grpc.code),
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
