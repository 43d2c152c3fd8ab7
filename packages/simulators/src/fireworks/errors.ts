import { rpcCodes } from "@hangar/core/providers/fireworks/errors";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type RpcCode = (typeof rpcCodes)[number];

const httpStatus: Partial<Record<RpcCode, ContentfulStatusCode>> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  OUT_OF_RANGE: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  ABORTED: 409,
  RESOURCE_EXHAUSTED: 429,
  CANCELLED: 499 as ContentfulStatusCode,
  UNIMPLEMENTED: 501,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

/**
 * The control plane's grpc-gateway error body, `{"code": 9, "message": "…", "details": []}`,
 * with the status the code maps to. Some messages lead with the code name, the way clients
 * (Fireworks' own upload guide) look for `FAILED_PRECONDITION` in the text.
 */
export function rpcError(c: Context, code: RpcCode, message: string) {
  return c.json({ code: rpcCodes.indexOf(code), message, details: [] }, httpStatus[code] ?? 500);
}

/** The inference API's OpenAI-like error body. */
export function inferenceError(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  detail: { code?: string; type?: string } = {},
) {
  return c.json(
    { error: { object: "error", type: detail.type ?? "invalid_request_error", code: detail.code, message } },
    status,
  );
}

export const notFound = (c: Context, kind: string, name: string) =>
  rpcError(c, "NOT_FOUND", `${kind} ${name} not found`);
