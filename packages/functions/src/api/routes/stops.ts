import { useTenant } from "@hangar/core/actor";
import * as Deployment from "@hangar/core/deployment/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import * as z from "zod";
import { errors, json } from "../openapi";

const tags = ["Cost policies"];
const security = [{ bearerAuth: [] }];

const Planned = z
  .object({
    deploymentId: z.string(),
    name: z.string(),
    state: z.string(),
    action: z.enum(["warn", "stop", "start", "delete"]),
    at: z.string(),
    reason: z.string(),
  })
  .meta({ id: "PlannedAction" });

export const stops = new OpenAPIHono().openapi(
  createRoute({
    method: "get",
    path: "/preview",
    tags,
    security,
    summary: "Dry run: what the next sweeps would stop, start, warn or delete, and why",
    request: { query: z.object({ withinMinutes: z.coerce.number().int().min(1).max(10_080).default(60) }) },
    responses: {
      200: json(z.object({ data: z.array(Planned) }), "Soonest first; nothing is changed"),
      ...errors(400, 401),
    },
  }),
  async (c) =>
    c.json(
      { data: await Deployment.preview(useTenant(), new Date(), c.req.valid("query").withinMinutes) },
      200,
    ),
);
