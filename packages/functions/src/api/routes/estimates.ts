import * as Cost from "@hangar/core/cost/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { body, errors, json } from "../openapi";

const tags = ["Cost"];
const security = [{ bearerAuth: [] }];

export const estimates = new OpenAPIHono().openapi(
  createRoute({
    method: "post",
    path: "/",
    tags,
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
    responses: { 200: json(Cost.Estimate, "The estimate"), ...errors(400, 401, 422, 502) },
  }),
  async (c) => c.json(await Cost.estimate(c.req.valid("json")), 200),
);
