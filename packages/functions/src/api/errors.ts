import { type ErrorKind, RetryLater, VisibleError } from "@hangar/core/error";
import { ProviderError } from "@hangar/core/provider/error";
import { log } from "@hangar/core/util/log";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";

/**
 * Each error kind's HTTP status, for both error shapes (this one and the OpenAI router's).
 * `unavailable` is a provider that failed or couldn't be reached: 502, whether or not a retry may
 * help (`provider.unavailable` says it may, `provider.rejected` that it won't). `retry_later` is
 * Hangar's own "not yet" (a deployment waking): 503 with Retry-After.
 */
export const statusOf: Record<ErrorKind, ContentfulStatusCode> = {
  input: 400,
  auth: 401,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  unavailable: 502,
  retry_later: 503,
};

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** Schema failures from route validation, in the same shape as every other error. */
export function invalid(issues: z.core.$ZodIssue[]) {
  const message = issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
  return errorBody("request.invalid", message || "The request is not valid.", issues);
}

/** A provider failure that reached the API, as the error it answers. */
export function fromProvider(error: ProviderError): VisibleError {
  const code = error.retryable ? "provider.unavailable" : "provider.rejected";
  return new VisibleError("unavailable", code, `${error.provider}: ${error.message}`);
}

/** The one place errors become HTTP. */
export function onError(thrown: Error, c: Context) {
  let error = thrown;
  if (error instanceof ProviderError) {
    log.warn("provider error surfaced to the API", { error, status: error.status });
    error = fromProvider(error);
  }
  if (error instanceof RetryLater) c.header("Retry-After", String(error.retryAfterSeconds));
  if (error instanceof VisibleError) {
    const body =
      error.code === "request.invalid" && Array.isArray(error.details)
        ? invalid(error.details)
        : errorBody(error.code, error.message, error.details);
    return c.json(body, statusOf[error.kind]);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code = error.status === 400 ? "request.malformed" : `request.${error.status}`;
    return c.json(
      errorBody(code, error.message || "The request could not be read."),
      error.status as ContentfulStatusCode,
    );
  }
  log.error("unhandled error", { error, path: c.req.path });
  return c.json(errorBody("internal", "Something went wrong on our side; it has been logged."), 500);
}
