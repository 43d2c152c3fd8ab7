import * as Cost from "@hangar/core/cost/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { errors, json } from "../openapi";

const tags = ["Cost"];
const security = [{ bearerAuth: [] }];

/** How cost is accrued; shown here and on `GET /v1/deployments/{id}/cost`. */
export const ACCRUAL = `Accrued from the deployment's state history: every stretch in a billed state (provisioning, ready, updating, starting, stopping) costs hours × replicas × price per replica-hour. Replicas: live counts where the provider reports them; otherwise (Together) autoscaling.minReplicas as a floor, said by \`basis: "min_replicas"\`. Price: the one kept when the deployment was created, for as long as its hardware stays the same; otherwise today's. Savings: stopped time after the deployment first became ready, priced the same way, by what stopped it (idle, schedule, budget, manual, provider); alwaysOnUsd = costUsd + savingsUsd is what running from first ready to deletion (or \`to\`) would have cost.`;

export const cost = new OpenAPIHono().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags,
    security,
    summary: "Accrued cost and savings, by deployment, provider or UTC day",
    description: `${ACCRUAL} Grouped by day, stretches are cut at UTC midnight.`,
    request: { query: Cost.TenantInput },
    responses: { 200: json(Cost.TenantCost, "Cost in [from, to)"), ...errors(400, 401) },
  }),
  async (c) => c.json(await Cost.tenant(c.req.valid("query")), 200),
);
