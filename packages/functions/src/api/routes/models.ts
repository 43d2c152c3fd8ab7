import * as Catalogue from "@hangar/core/catalogue/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import * as z from "zod";
import { errors, json } from "../openapi";

export const models = new OpenAPIHono().openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["Models"],
    security: [{ bearerAuth: [] }],
    summary: "What a provider can deploy: its catalogue and your uploads",
    description: "The provider's list is cached for about 30 minutes.",
    request: { query: Catalogue.ListInput },
    responses: {
      200: json(z.object({ data: z.array(Catalogue.Model) }), "Your uploads first, then the catalogue"),
      ...errors(400, 401, 422, 502),
    },
  }),
  async (c) => c.json(await Catalogue.list(c.req.valid("query")), 200),
);
