import * as z from "zod";

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "deployment.not_found" }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export const errors = (...statuses: (400 | 401 | 404 | 409 | 422 | 502 | 503)[]) =>
  Object.fromEntries(statuses.map((s) => [s, json(ErrorResponse, `Error (${s})`)])) as Record<
    number,
    ReturnType<typeof json<typeof ErrorResponse>>
  >;

export const IdParam = z.object({
  id: z.string().meta({
    param: {
      name: "id",
      in: "path",
      description: "The resource's id; a deployment also answers to its name.",
    },
    example: "dep_01jd4k2z5x8q3w6e9r0t1y2u3i",
  }),
});

/**
 * A JSON request body with the example the interactive reference sends on "try it". Typed as the
 * schema's input, and checked against the served schema in test/integration/docs.test.ts.
 */
export const body = <T extends z.ZodType>(schema: T, example: z.input<T>, required = true) => ({
  content: { "application/json": { schema, example } },
  required,
});
