import type { Context } from "hono";
import type { ZodType, z } from "zod";

export type Issue = { path: PropertyKey[]; message: string };

/** How a provider answers a body it can't accept, in its own error shape. */
export type BodyErrors = {
  /** The body is not JSON. */
  malformed(c: Context): Response;
  /** The body is JSON, but the schema rejected it. */
  invalid(c: Context, issues: Issue[]): Response;
  /** What an empty body parses as; without it, an empty body is malformed. */
  empty?: () => unknown;
};

export type ReadBody = <S extends ZodType>(
  c: Context,
  schema: S,
) => Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }>;

/** A `readBody(c, schema)` that parses a JSON body with `schema` and answers the provider's 400 itself. */
export function bodyReader(errors: BodyErrors): ReadBody {
  return async function readBody(c, schema) {
    let raw: unknown;
    try {
      const text = await c.req.text();
      raw = text === "" && errors.empty ? errors.empty() : JSON.parse(text);
    } catch {
      return { ok: false, response: errors.malformed(c) };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, response: errors.invalid(c, parsed.error.issues) };
    return { ok: true, data: parsed.data };
  };
}
