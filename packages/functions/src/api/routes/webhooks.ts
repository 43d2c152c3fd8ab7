import * as Webhook from "@hangar/core/webhook/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { errors, json } from "../openapi";

const tags = ["Webhooks"];
const security = [{ bearerAuth: [] }];
const Created = Webhook.Subscription.extend({
  secret: z.string().meta({ description: "Signing secret (Standard Webhooks `whsec_…`). Shown only here." }),
});

export const webhooks = new OpenAPIHono()
  .openapi(
    createRoute({
      method: "post",
      path: "/v1/webhooks",
      tags,
      security,
      summary: "Subscribe a URL to deployment events",
      request: { body: { content: { "application/json": { schema: Webhook.CreateInput } }, required: true } },
      responses: { 201: json(Created, "Subscribed"), ...errors(400, 401, 422) },
    }),
    async (c) => c.json(await Webhook.create(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/v1/webhooks",
      tags,
      security,
      summary: "List webhook subscriptions",
      responses: {
        200: json(z.object({ data: z.array(Webhook.Subscription) }), "Subscriptions"),
        ...errors(401),
      },
    }),
    async (c) => c.json({ data: await Webhook.list() }, 200),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/v1/webhooks/{id}",
      tags,
      security,
      summary: "Delete a webhook subscription",
      request: { params: z.object({ id: z.string().meta({ param: { name: "id", in: "path" } }) }) },
      responses: { 204: { description: "Deleted" }, ...errors(401, 404) },
    }),
    async (c) => {
      await Webhook.remove(c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
