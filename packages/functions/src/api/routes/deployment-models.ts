import * as Deployment from "@hangar/core/deployment/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { errors, IdParam, json } from "../openapi";

/** The OpenAI-compatible surface under a deployment's base URL, beside chat/completions. */
export const deploymentModels = new OpenAPIHono().openapi(
  createRoute({
    method: "get",
    path: "/{id}/models",
    tags: ["Deployments"],
    security: [{ bearerAuth: [] }],
    summary: "OpenAI-compatible models list: the model this deployment serves",
    description:
      "With `<hangar>/v1/deployments/{id}` as an OpenAI client's base URL, `models.list()` lands here. Empty until the deployment has an endpoint.",
    request: { params: IdParam },
    responses: { 200: json(Deployment.ModelList, "The deployment's model"), ...errors(401, 404) },
  }),
  async (c) => c.json(await Deployment.models(c.req.valid("param").id), 200),
);
