import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

type Json = Record<string, unknown>;

export type Validation = {
  /** False when the spec documents nothing to check this against (the reason is in `schema`). */
  covered: boolean;
  /** Which schema was used, e.g. `POST /endpoints 200 application/json`. */
  schema: string;
  errors: string[];
};

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isBareNullable = (value: unknown) =>
  isObject(value) && value.nullable === true && Object.keys(value).length === 1;

/**
 * OpenAPI 3.0's `nullable` into JSON Schema: Ajv refuses `nullable` without a `type`, and the
 * spec uses it beside `$ref` and as a lone `allOf` member.
 */
export function normalizeNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalizeNullable);
  if (!isObject(node)) return node;
  const allOf = Array.isArray(node.allOf) ? node.allOf : undefined;
  if (allOf?.some(isBareNullable)) {
    const rest = normalizeNullable({ ...node, allOf: allOf.filter((member) => !isBareNullable(member)) });
    return { anyOf: [{ type: "null" }, rest] };
  }
  const out: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, normalizeNullable(v)]));
  const nullable = out.nullable;
  if (typeof nullable !== "boolean") return out;
  delete out.nullable;
  if (!nullable) return out;
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === "string") return { ...out, type: [out.type, "null"] };
  if (Array.isArray(out.type)) return { ...out, type: [...out.type, "null"] };
  return { anyOf: [{ type: "null" }, out] };
}

const pointer = (...parts: string[]) =>
  `spec#/${parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;

/** Validates bodies against an OpenAPI document's operations, matching templated paths like `/endpoints/{endpointId}`. */
export function createOpenApiValidator(specPath: string) {
  const spec = normalizeNullable(parse(readFileSync(specPath, "utf8"))) as Json;
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
  // ajv-formats is CommonJS; its default export arrives either wrapped or bare.
  const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
    addFormatsModule) as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addSchema(spec, "spec");

  const basePath = new URL(
    ((spec.servers as Json[] | undefined)?.[0]?.url as string) ?? "http://x/",
  ).pathname.replace(/\/$/, "");
  const paths = (spec.paths ?? {}) as Record<string, Json>;
  const templates = Object.keys(paths)
    .sort((a, b) => Number(a.includes("{")) - Number(b.includes("{")))
    .map((template) => ({ template, regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`) }));
  const cache = new Map<string, ValidateFunction>();

  function compiled(ref: string): ValidateFunction {
    let validate = cache.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      cache.set(ref, validate);
    }
    return validate;
  }

  function run(ref: string, data: unknown): string[] {
    const validate = compiled(ref);
    if (validate(data)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`,
    );
  }

  function operation(method: string, path: string) {
    const local = path.startsWith(basePath) ? path.slice(basePath.length) : path;
    const match = templates.find(({ regex }) => regex.test(local));
    const op = match && (paths[match.template]?.[method.toLowerCase()] as Json | undefined);
    return { template: match?.template, op, label: `${method.toUpperCase()} ${match?.template ?? local}` };
  }

  return {
    validateRequest(
      method: string,
      path: string,
      body: unknown,
      query: Record<string, string> = {},
    ): Validation {
      const { template, op, label } = operation(method, path);
      if (!template || !op) return { covered: false, schema: `${label}: not in spec`, errors: [] };
      const errors: string[] = [];
      const params = (op.parameters ?? []) as Json[];
      for (const [name, value] of Object.entries(query)) {
        const index = params.findIndex((p) => p.in === "query" && p.name === name);
        if (index < 0) {
          errors.push(`query parameter ${name} is not documented`);
          continue;
        }
        const type = (params[index]?.schema as Json | undefined)?.type;
        const typed = type === "boolean" ? value === "true" || (value === "false" ? false : value) : value;
        errors.push(
          ...run(
            pointer("paths", template, method.toLowerCase(), "parameters", String(index), "schema"),
            typed,
          ),
        );
      }
      const content = (op.requestBody as Json | undefined)?.content as Json | undefined;
      if (body === undefined) return { covered: true, schema: `${label} (no body)`, errors };
      if (!content?.["application/json"])
        return { covered: false, schema: `${label}: no request body in spec`, errors };
      const ref = pointer(
        "paths",
        template,
        method.toLowerCase(),
        "requestBody",
        "content",
        "application/json",
        "schema",
      );
      return { covered: true, schema: `${label} request`, errors: [...errors, ...run(ref, body)] };
    },

    validateResponse(
      method: string,
      path: string,
      status: number,
      body: unknown,
      contentType = "application/json",
    ): Validation {
      const { template, op, label } = operation(method, path);
      if (!template || !op) return { covered: false, schema: `${label}: not in spec`, errors: [] };
      const responses = (op.responses ?? {}) as Json;
      const response = (responses[String(status)] ?? responses.default) as Json | undefined;
      const media = contentType.split(";")[0]?.trim() || "application/json";
      if (!response) {
        // The spec lists few error statuses; Together documents one error body for all of them.
        if (status >= 400)
          return {
            covered: true,
            schema: `ErrorData (${label} ${status} undocumented)`,
            errors: run(pointer("components", "schemas", "ErrorData"), body),
          };
        return { covered: false, schema: `${label} ${status}: not in spec`, errors: [] };
      }
      const content = response.content as Json | undefined;
      if (!content) {
        const errors = body === undefined || body === "" ? [] : [`expected no body for ${status}`];
        return { covered: true, schema: `${label} ${status} (no content)`, errors };
      }
      if (!content[media])
        return { covered: false, schema: `${label} ${status}: no ${media} in spec`, errors: [] };
      const key = responses[String(status)] ? String(status) : "default";
      const ref = pointer(
        "paths",
        template,
        method.toLowerCase(),
        "responses",
        key,
        "content",
        media,
        "schema",
      );
      if (media !== "text/event-stream")
        return { covered: true, schema: `${label} ${status} ${media}`, errors: run(ref, body) };
      // Each SSE `data:` line is one event: a chunk object or the `[DONE]` sentinel.
      const events = String(body)
        .split("\n")
        .filter((line) => line.startsWith("data: "))
        .map((line) => line.slice(6));
      const errors = events.flatMap((data, i) =>
        run(ref, { data: data === "[DONE]" ? data : JSON.parse(data) }).map((e) => `event ${i}: ${e}`),
      );
      if (events.at(-1) !== "[DONE]") errors.push("stream does not end with data: [DONE]");
      return { covered: true, schema: `${label} ${status} ${media}`, errors };
    },
  };
}

export type OpenApiValidator = ReturnType<typeof createOpenApiValidator>;
