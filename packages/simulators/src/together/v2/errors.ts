import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { bodyReader, type Issue } from "../../shared/body";

/** The gRPC status code a v2 HTTP status stands for (reference §1.7). */
const grpc: Record<number, { code: number; title: string }> = {
  400: { code: 3, title: "Invalid Argument" },
  401: { code: 16, title: "Unauthenticated" },
  403: { code: 7, title: "Permission Denied" },
  404: { code: 5, title: "Not Found" },
  409: { code: 10, title: "Aborted" },
  429: { code: 8, title: "Resource Exhausted" },
  500: { code: 13, title: "Internal" },
  503: { code: 14, title: "Unavailable" },
  504: { code: 4, title: "Deadline Exceeded" },
};

export type V2Status = ContentfulStatusCode;

/** The gRPC-gateway status body v2 answers errors with: `{code, message, details: [ProblemDetail]}`. */
export function statusBody(status: number, message: string, code?: number, title?: string) {
  const known = grpc[status] ?? { code: 2, title: "Unknown" };
  const name = title ?? known.title;
  return {
    code: code ?? known.code,
    message,
    details: [
      {
        "@type": "type.googleapis.com/common.errors.v1.ProblemDetail",
        type: `https://api.together.ai/problems/${name.toLowerCase().replaceAll(" ", "-")}`,
        title: name,
        status,
        detail: message,
      },
    ],
  };
}

/** `code` overrides the status's usual gRPC code, e.g. 9 FAILED_PRECONDITION for a 400. */
export function v2fail(c: Context, status: V2Status, message: string, code?: number) {
  return c.json(statusBody(status, message, code), status);
}

export const FAILED_PRECONDITION = 9;
export const ALREADY_EXISTS = 6;

/** Why a write was refused: a status, the message, and a gRPC code when not the status's usual one. */
export type Refusal = { status: 400 | 403 | 404 | 409; message: string; code?: number };

export function refusal(c: Context, r: Refusal) {
  const title = r.code === ALREADY_EXISTS ? "Already Exists" : undefined;
  return c.json(statusBody(r.status, r.message, r.code, title), r.status);
}

/** 409 ALREADY_EXISTS (code 6) rather than ABORTED: a duplicate name, as in the CLI's fixture. */
export function alreadyExists(c: Context, message = "Already Exists") {
  return c.json(statusBody(409, message, 6, "Already Exists"), 409);
}

export const notFound = (c: Context, what: string, id: string) => v2fail(c, 404, `${what} ${id} not found`);

export const staleEtag = (c: Context, what: string) =>
  v2fail(c, 409, `the ${what} was modified concurrently (etag mismatch); re-read it and retry`);

function describe(issues: Issue[]) {
  const first = issues[0];
  const path = first?.path.map(String).join(".");
  return first ? `invalid ${path || "body"}: ${first.message}` : "Invalid Argument";
}

/** Parses a JSON body; an empty body is `{}`, as gRPC-gateway treats it. */
export const readV2Body = bodyReader({
  malformed: (c) => v2fail(c, 400, "invalid JSON body"),
  invalid: (c, issues) => v2fail(c, 400, describe(issues)),
  empty: () => ({}),
});
