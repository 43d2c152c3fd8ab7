import { bodyReader } from "../shared/body";
import { invalidBody } from "./errors";

/** Parses a JSON body with `schema`; answers Together's 400 itself when the body is not acceptable. */
export const readBody = bodyReader({
  malformed: (c) => invalidBody(c, [{ path: [], message: "body is not valid JSON" }]),
  invalid: invalidBody,
});

/** `GET /v1/endpoints/endpoint-…` and `GET /v1/endpoints/:id` count as the same route. */
export function routeKey(method: string, path: string): string {
  const route = path
    .replace(/^(\/v1\/endpoints\/)[^/]+/, "$1:id")
    .replace(/^(\/v1\/jobs\/)[^/]+/, "$1:id")
    .replace(/\/+$/, "");
  return `${method.toUpperCase()} ${route}`;
}
