import * as Deployment from "@hangar/core/deployment/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { errors, IdParam, json } from "../openapi";

export const deploymentMetrics = new OpenAPIHono().openapi(
  createRoute({
    method: "get",
    path: "/{id}/metrics",
    tags: ["Deployments"],
    security: [{ bearerAuth: [] }],
    summary: "What the provider measured of a deployment: requests, tokens, latency, errors, replicas",
    description:
      "From the provider's own measurements (Fireworks' account metrics, read once a minute per account), so requests sent straight to the provider count too. Minutes without traffic are zero; `measured: false` for providers that don't report usage.",
    request: { params: IdParam, query: Deployment.MetricsInput },
    responses: {
      200: json(Deployment.Metrics, "Points over the window, oldest first"),
      ...errors(400, 401, 404),
    },
  }),
  async (c) => c.json(await Deployment.metrics(c.req.valid("param").id, c.req.valid("query")), 200),
);
