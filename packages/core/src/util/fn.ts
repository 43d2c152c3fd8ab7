import type { z } from "zod";
import { VisibleError } from "../error";

/**
 * Wraps an operation with its input schema so no caller (API, worker, cron) can skip validation.
 * The first argument is validated; further arguments (ids from the path, options) pass through.
 * The schema stays reachable as `op.schema` for routes and OpenAPI.
 */
export function fn<S extends z.ZodType, A extends unknown[], R>(
  schema: S,
  cb: (input: z.output<S>, ...rest: A) => R,
): ((input: z.input<S>, ...rest: A) => R) & { schema: S } {
  const run = (input: z.input<S>, ...rest: A): R => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      throw new VisibleError("input", "request.invalid", "The request is not valid.", parsed.error.issues);
    }
    return cb(parsed.data, ...rest);
  };
  return Object.assign(run, { schema });
}
