import { ProviderError, type ProviderErrorOptions } from "../../src/provider/error";
import type { ProviderErrors } from "../../src/provider/http";

/** Every failure of a Fireworks call; `code` is the google.rpc code name (`FAILED_PRECONDITION`) when known. */
export class FireworksError extends ProviderError {
  constructor(message: string, options: ProviderErrorOptions) {
    super("fireworks", message, options);
  }

  /**
   * The error class for an HTTP status, in one place (the Stainless `APIError.generate`). A
   * google.rpc code in the body decides `retryable` over the status.
   */
  static generate(status: number, body: unknown, _headers: Headers, retryAfterMs?: number): FireworksError {
    const { message, code } = describeError(status, body);
    const retryable =
      code && rpcCodes.includes(code as never) ? transient.has(code) : isRetryableStatus(status);
    const Class = byStatus[status] ?? (status >= 500 ? InternalServerError : FireworksError);
    return new Class(message, { status, code, body, retryable, retryAfterMs });
  }
}

export class BadRequestError extends FireworksError {}
export class AuthenticationError extends FireworksError {}
export class PermissionDeniedError extends FireworksError {}
export class NotFoundError extends FireworksError {}
export class ConflictError extends FireworksError {}
export class RateLimitError extends FireworksError {}
export class InternalServerError extends FireworksError {}
export class TimeoutError extends FireworksError {}
export class ConnectionError extends FireworksError {}
/** Fireworks answered 2xx with a body we could not read. */
export class InvalidResponseError extends FireworksError {}

/** google.rpc.Code by number, as grpc-gateway writes it in `{"code": 9, …}`. */
export const rpcCodes = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED",
] as const;

const transient = new Set([
  "UNKNOWN",
  "DEADLINE_EXCEEDED",
  "RESOURCE_EXHAUSTED",
  "ABORTED",
  "INTERNAL",
  "UNAVAILABLE",
]);

/**
 * By status alone (no body): 408, 429 and 5xx but 501 UNIMPLEMENTED. Unlike Together, 409 is not
 * retried: at Fireworks it is ALREADY_EXISTS, which callers treat as "fetch the existing one".
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501);
}

type Body = { code?: unknown; message?: unknown; status?: unknown; error?: Body | string };
const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);

/**
 * Reads grpc-gateway's `{code: 5, message}`, Google's `{error: {code, message, status}}` and the
 * inference API's `{error: {message, code: "DEPLOYMENT_SCALING_UP", type}}` alike. The docs detect
 * "still uploading" by the token in the text, so a code name leading the message counts too.
 */
export function describeError(status: number, body: unknown): { message: string; code?: string } {
  if (typeof body === "string" && body.trim())
    return { message: body.trim().slice(0, 500), code: leading(body) };
  const outer = (body ?? {}) as Body;
  const inner = typeof outer.error === "object" && outer.error ? outer.error : outer;
  const message = str(inner.message) ?? str(outer.error) ?? `Fireworks returned ${status}`;
  const numeric = typeof inner.code === "number" ? rpcCodes[inner.code] : undefined;
  return { message, code: str(inner.status) ?? str(inner.code) ?? numeric ?? leading(message) };
}

function leading(text: string): string | undefined {
  const token = /^\s*([A-Z_]{4,})\b/.exec(text)?.[1];
  return token && (rpcCodes as readonly string[]).includes(token) ? token : undefined;
}

const byStatus: Record<number, typeof FireworksError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
};

/** How the shared transport words and classifies Fireworks' failures. */
export function transportErrors(
  retryOn: (status: number, headers: Headers) => boolean = isRetryableStatus,
): ProviderErrors {
  return {
    name: "fireworks",
    label: "Fireworks",
    fromResponse: FireworksError.generate,
    shouldRetry: retryOn,
    owns: (error) => error instanceof FireworksError,
    timeout: (message, init) => new TimeoutError(message, init),
    connection: (message, init) => new ConnectionError(message, init),
    invalidResponse: (message, init) => new InvalidResponseError(message, init),
  };
}

/** `validateUpload` answers this while the files are still landing; it means "not yet", not "failed". */
export function isFailedPrecondition(error: unknown): error is FireworksError {
  return error instanceof FireworksError && error.code === "FAILED_PRECONDITION";
}

export function isAlreadyExists(error: unknown): error is FireworksError {
  return error instanceof ConflictError && error.code !== "ABORTED";
}
