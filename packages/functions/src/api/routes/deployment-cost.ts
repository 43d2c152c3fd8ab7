import * as Cost from "@hangar/core/cost/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { errors, IdParam, json } from "../openapi";
import { ACCRUAL } from "./cost";

export const deploymentCost = new OpenAPIHono().openapi(
  createRoute({
    method: "get",
    path: "/{id}/cost",
    tags: ["Cost"],
    security: [{ bearerAuth: [] }],
    summary: "A deployment's accrued cost and what its stops saved",
    description: ACCRUAL,
    request: { params: IdParam, query: Cost.RangeInput },
    responses: { 200: json(Cost.DeploymentCost, "Cost in [from, to)"), ...errors(400, 401, 404) },
  }),
  async (c) => c.json(await Cost.deployment(c.req.valid("query"), c.req.valid("param").id), 200),
);
