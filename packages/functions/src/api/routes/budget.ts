import * as Budget from "@hangar/core/budget/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { body, errors, IdParam, json } from "../openapi";

const tags = ["Budgets"];
const security = [{ bearerAuth: [] }];

/** A budget's routes at `path`: the tenant's here, a deployment's in deployment-budget.ts. */
export const budgetRoutes = (path: string, scope: string) => {
  const params = path.includes("{id}") ? { params: IdParam } : {};
  const id = (c: { req: { param: (name: "id") => string | undefined } }) => c.req.param("id");
  return new OpenAPIHono()
    .openapi(
      createRoute({
        method: "put",
        path,
        tags,
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
        tags,
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
        tags,
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

export const budget = budgetRoutes("/", "the tenant's");
