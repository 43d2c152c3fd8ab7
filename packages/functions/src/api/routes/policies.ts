import { useTenant } from "@hangar/core/actor";
import * as Deployment from "@hangar/core/deployment/index";
import * as Settings from "@hangar/core/deployment/tenant-settings";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import * as z from "zod";
import { body, errors, json } from "../openapi";

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

export const policies = new OpenAPIHono()
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/stops/preview",
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
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/settings",
      tags,
      security,
      summary: "The tenant's defaults for new deployments",
      responses: { 200: json(Settings.Settings, "Defaults"), ...errors(401) },
    }),
    async (c) => c.json(await Settings.get(), 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/v1/settings",
      tags,
      security,
      summary: "Set the tenant's default idle policy",
      description: "Applies to deployments created afterwards that don't set their own.",
      request: {
        body: body(Settings.Settings, {
          idleTimeoutMinutes: 60,
          idlePolicy: { graceMinutes: 30, warnBeforeMinutes: 10 },
        }),
      },
      responses: { 200: json(Settings.Settings, "Saved"), ...errors(400, 401) },
    }),
    async (c) => c.json(await Settings.put(c.req.valid("json")), 200),
  );
