import { Settings } from "@hangar/core/deployment/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { body, errors, json } from "../openapi";

const tags = ["Cost policies"];
const security = [{ bearerAuth: [] }];

export const settings = new OpenAPIHono()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
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
      path: "/",
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
