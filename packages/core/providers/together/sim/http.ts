import type { Context } from "hono";
import type { ZodType, z } from "zod";
import { invalidBody } from "./errors";

/** Parses a JSON body with `schema`; answers Together's 400 itself when the body is not acceptable. */
export async function readBody<S extends ZodType>(
  c: Context,
  schema: S,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: invalidBody(c, [{ path: [], message: "body is not valid JSON" }]) };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: invalidBody(c, parsed.error.issues) };
  return { ok: true, data: parsed.data };
}
