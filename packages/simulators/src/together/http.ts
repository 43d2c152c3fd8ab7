import { bodyReader } from "../shared/body";
import { invalidBody } from "./errors";

/** Parses a JSON body with `schema`; answers Together's 400 itself when the body is not acceptable. */
export const readBody = bodyReader({
  malformed: (c) => invalidBody(c, [{ path: [], message: "body is not valid JSON" }]),
  invalid: invalidBody,
});

const V2_PREFIX = /^(?:\/v[12])?(?=\/(?:projects|public|supported-models|organizations)(?:\/|$))/;
const V2_IDS: [RegExp, string][] = [
  [/\/projects\/[^/]+/, "/projects/:projectId"],
  [/\/organizations\/[^/]+/, "/organizations/:organizationId"],
  [/\/endpoints\/[^/]+/, "/endpoints/:endpointId"],
  [/\/deployments\/[^/]+/, "/deployments/:deploymentId"],
  [/\/adapters\/[^/]+/, "/adapters/:adapterId"],
  [/\/models\/uploads\/[^/]+/, "/models/uploads/:uploadId"],
  [/\/models\/(?!uploads(?:\/|$))[^/]+/, "/models/:modelId"],
  [/\/revisions\/[^/]+/, "/revisions/:revisionId"],
  [/\/configs\/[^/]+/, "/configs/:configId"],
  [/\/placement-profiles\/[^/]+/, "/placement-profiles/:profileId"],
  [/\/inference-instance-types\/[^/]+/, "/inference-instance-types/:id"],
  [/\/supported-models\/.+/, "/supported-models/:id"],
];

/**
 * `GET /v1/endpoints/endpoint-…` and `GET /v1/endpoints/:id` count as the same route; a v2 route
 * is counted as `/v2/projects/:projectId/…` whichever prefix the client's base URL gave it.
 */
export function routeKey(method: string, path: string): string {
  if (V2_PREFIX.test(path)) {
    const route = V2_IDS.reduce(
      (p, [pattern, name]) => p.replace(pattern, name),
      path.replace(V2_PREFIX, ""),
    );
    return `${method.toUpperCase()} /v2${route.replace(/\/+$/, "")}`;
  }
  const route = path
    .replace(/^(\/v1\/endpoints\/)[^/]+/, "$1:id")
    .replace(/^(\/v1\/jobs\/)[^/]+/, "$1:id")
    .replace(/\/+$/, "");
  return `${method.toUpperCase()} ${route}`;
}
