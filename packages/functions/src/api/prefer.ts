import { MAX_WAIT_SECONDS } from "@hangar/core/deployment/index";
import * as z from "zod";

export const PreferHeaders = z.object({
  prefer: z
    .string()
    .optional()
    .meta({
      description: `\`wait=N\` (RFC 7240): a deployment with wakeOnRequest that is waking holds the request up to N seconds (at most ${MAX_WAIT_SECONDS}) until it serves, instead of answering 503 \`deployment.waking\` at once.`,
      example: "wait=60",
    }),
});

export const appliedHeaders = {
  "Preference-Applied": {
    description: "`wait=N`: the wait Hangar honoured (capped at the API's limit).",
    schema: { type: "string" as const },
  },
  "Retry-After": {
    description: "With 503 `deployment.waking`: seconds to wait before trying again.",
    schema: { type: "string" as const },
  },
};

/**
 * The seconds a client asked to be held (`Prefer: wait=N`), capped at what the API function can
 * hold. A header that doesn't parse is ignored, as RFC 7240 lets a server ignore preferences.
 * The parser loads only for a request that carries the header, off the API's cold start.
 */
export async function preferredWait(header: string | undefined): Promise<number | undefined> {
  if (!header) return undefined;
  const { parseDictionary } = await import("structured-headers");
  try {
    const wait = parseDictionary(header).get("wait")?.[0];
    return typeof wait === "number" && wait >= 0 ? Math.min(Math.floor(wait), MAX_WAIT_SECONDS) : undefined;
  } catch {
    return undefined;
  }
}

/** Says which wait was honoured (RFC 7240 `Preference-Applied`). */
export function withApplied(response: Response, wait: number | undefined): Response {
  if (wait === undefined) return response;
  const headers = new Headers(response.headers);
  headers.set("Preference-Applied", `wait=${wait}`);
  return new Response(response.body, { status: response.status, headers });
}
