import type { z } from "zod";
import { VisibleError } from "../error";

/**
 * Wraps an operation with its input schema so no caller (API, worker, cron) can skip validation.
 * The schema stays reachable as `op.schema` for routes and OpenAPI.
 */
export function fn<S extends z.ZodType, R>(schema: S, cb: (input: z.output<S>) => R) {
  const run = (input: z.input<S>): R => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      throw new VisibleError("input", "request.invalid", "The request is not valid.", parsed.error.issues);
    }
    return cb(parsed.data);
  };
  run.schema = schema;
  return run;
}
