import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

type Detail = { type?: string; code?: string | null; param?: string | null };

/** Together's error body: `{"error": {message, type, param, code}}`. */
export function errorBody(message: string, detail: Detail = {}) {
  return {
    error: {
      message,
      type: detail.type ?? "invalid_request_error",
      param: detail.param ?? null,
      code: detail.code ?? null,
    },
  };
}

export function fail(c: Context, status: ContentfulStatusCode, message: string, detail?: Detail) {
  return c.json(errorBody(message, detail), status);
}

export const messages = {
  invalidKey:
    "Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.",
  rateLimited: "You have exceeded the rate limit for your account. Please slow down and try again later.",
  internal: "Internal server error. Please try again later.",
  overloaded: "The server is overloaded or not ready yet.",
};

export const notRunning = (model: string) =>
  `The dedicated endpoint for ${model} is not running. Please visit https://api.together.ai/models to start the endpoint.`;

/** Turns a zod-style issue list into one line, the way Together words validation failures. */
export function invalidBody(c: Context, issues: { path: PropertyKey[]; message: string }[]) {
  const first = issues[0];
  const param = first?.path.map(String).join(".") || null;
  const text = first ? `${param ?? "body"}: ${first.message}` : "invalid request body";
  return fail(c, 400, `Invalid request: ${text}`, { param });
}
