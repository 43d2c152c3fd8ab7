import * as Hardware from "@hangar/core/hardware/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import * as z from "zod";
import { errors, json } from "../openapi";

export const hardware = new OpenAPIHono().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["Hardware"],
    security: [{ bearerAuth: [] }],
    summary: "Hardware a provider offers, with prices and availability",
    request: { query: Hardware.ListInput },
    responses: {
      200: json(z.object({ data: z.array(Hardware.Hardware) }), "Cheapest first"),
      ...errors(400, 401, 422, 502),
    },
  }),
  async (c) => c.json(await Hardware.list(c.req.valid("query")), 200),
);
