import * as Budget from "@hangar/core/budget/index";
import * as Cost from "@hangar/core/cost/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { body, errors, IdParam, json } from "../openapi";

const security = [{ bearerAuth: [] }];
const costTags = ["Cost"];
const budgetTags = ["Budgets"];

const ACCRUAL = `Accrued from the deployment's state history: every stretch in a billed state (provisioning, ready, updating, starting, stopping) costs hours × replicas × price per replica-hour. Replicas: live counts where the provider reports them; otherwise (Together) autoscaling.minReplicas as a floor, said by \`basis: "min_replicas"\`. Price: the one kept when the deployment was created, for as long as its hardware stays the same; otherwise today's. Savings: stopped time after the deployment first became ready, priced the same way, by what stopped it (idle, schedule, budget, manual, provider); alwaysOnUsd = costUsd + savingsUsd is what running from first ready to deletion (or \`to\`) would have cost.`;

const budget = (path: string, scope: string) => {
  const params = path.includes("{id}") ? { params: IdParam } : {};
  const id = (c: { req: { param: (name: "id") => string | undefined } }) => c.req.param("id");
  return new OpenAPIHono()
    .openapi(
      createRoute({
        method: "put",
        path,
        tags: budgetTags,
        security,
        summary: `Set ${scope} monthly budget`,
        description:
          "Spend is counted per calendar month in UTC and checked every 5 minutes. Crossing softLimitUsd fires `budget.warning` once a month; crossing hardLimitUsd stops what is running with reason `budget: spent $X of $Y this month` and fires `budget.exceeded` once a month. Spend can pass a limit by what accrues between checks and while the endpoint stops. Changing a limit re-arms its notice.",
        request: {
          ...params,
          body: body(Budget.BudgetInput, { softLimitUsd: 400, hardLimitUsd: 500 }),
        },
        responses: {
          200: json(Budget.Budget, "The budget, with this month's spend"),
          ...errors(400, 401, 404, 409),
        },
      }),
      async (c) => {
        const input = c.req.valid("json");
        const deploymentId = id(c);
        const info = deploymentId
          ? await Budget.setForDeployment(input, deploymentId)
          : await Budget.setForTenant(input);
        return c.json(info, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path,
        tags: budgetTags,
        security,
        summary: `Get ${scope} budget and this month's spend`,
        request: params,
        responses: { 200: json(Budget.Budget, "The budget"), ...errors(401, 404) },
      }),
      async (c) => {
        const deploymentId = id(c);
        return c.json(
          deploymentId ? await Budget.getForDeployment(deploymentId) : await Budget.getForTenant(),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path,
        tags: budgetTags,
        security,
        summary: `Remove ${scope} budget`,
        request: params,
        responses: { 204: { description: "Removed" }, ...errors(401, 404) },
      }),
      async (c) => {
        const deploymentId = id(c);
        await (deploymentId ? Budget.clearForDeployment(deploymentId) : Budget.clearForTenant());
        return c.body(null, 204);
      },
    );
};

export const cost = new OpenAPIHono()
  .openapi(
    createRoute({
      method: "post",
      path: "/v1/estimates",
      tags: costTags,
      security,
      summary: "Estimate what hardware costs always on, and with a schedule or idle policy",
      description:
        "At the provider's current price (`price.priceSource`: the provider's API, or Hangar's dated table). A month is 730 hours. Schedule hours are counted over the coming 30 days in the schedule's time zone, so daylight-saving changes are included, and include each window's startLeadMinutes. An idle policy bills activeHoursPerDay plus the idle timeout each day (inside the schedule, when there is one). An unknown hardware id answers 422 with the valid ids in `details.valid`.",
      request: {
        body: body(Cost.EstimateInput, {
          provider: "together",
          hardware: "1x_nvidia_h100_80gb_sxm",
          replicas: 1,
          schedule: {
            timezone: "Europe/Paris",
            windows: [{ days: ["mon", "tue", "wed", "thu", "fri"], start: "08:00", end: "19:00" }],
          },
          idle: { idleTimeoutMinutes: 60, activeHoursPerDay: 8.5 },
        }),
      },
      responses: { 200: json(Cost.Estimate, "The estimate"), ...errors(400, 401, 422, 503) },
    }),
    async (c) => c.json(await Cost.estimate(c.req.valid("json")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/deployments/{id}/cost",
      tags: costTags,
      security,
      summary: "A deployment's accrued cost and what its stops saved",
      description: ACCRUAL,
      request: { params: IdParam, query: Cost.RangeInput },
      responses: { 200: json(Cost.DeploymentCost, "Cost in [from, to)"), ...errors(400, 401, 404) },
    }),
    async (c) => c.json(await Cost.deployment(c.req.valid("query"), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/cost",
      tags: costTags,
      security,
      summary: "Accrued cost and savings, by deployment, provider or UTC day",
      description: `${ACCRUAL} Grouped by day, stretches are cut at UTC midnight.`,
      request: { query: Cost.TenantInput },
      responses: { 200: json(Cost.TenantCost, "Cost in [from, to)"), ...errors(400, 401) },
    }),
    async (c) => c.json(await Cost.tenant(c.req.valid("query")), 200),
  )
  .route("/", budget("/v1/deployments/{id}/budget", "a deployment's"))
  .route("/", budget("/v1/budget", "the tenant's"));
