import * as Webhook from "@hangar/core/webhook/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import * as z from "zod";
import { body, errors, IdParam, json } from "../openapi";

const tags = ["Webhooks"];
const security = [{ bearerAuth: [] }];
const Secret = z
  .string()
  .meta({ description: "Signing secret (Standard Webhooks `whsec_…`). Shown only here." });
const Created = Webhook.Subscription.extend({ secret: Secret });
const Rotated = z.object({ id: z.string(), secret: Secret, previousSecretExpiresAt: z.string().nullable() });
const EventParams = IdParam.extend({
  eventId: z
    .string()
    .meta({ param: { name: "eventId", in: "path" }, example: "evt_01jd4k2z5x8q3w6e9r0t1y2u3i" }),
});

const hours = (s: number) =>
  s < 60 ? `${s} s` : s < 3600 ? `${Math.round(s / 6) / 10} min` : `${(s / 3600).toFixed(1)} h`;
const retryDelays = Webhook.retryDelays(30)
  .map((r) => `| ${r.attempt} | ${r.attempt === 1 ? "—" : hours(r.delaySeconds)} | ${hours(r.atSeconds)} |`)
  .join("\n");

/** How delivery works; shown on the subscription route and on every event. */
const delivery = `Each delivery is a POST of \`{"type","timestamp","sequence","data"}\`, signed the
[Standard Webhooks](https://www.standardwebhooks.com/) way: \`webhook-id\` (the event id, the same on
every attempt), \`webhook-timestamp\`, and \`webhook-signature\`: \`v1,<base64 HMAC-SHA256 of
id.timestamp.body>\`; during a secret rotation's grace period it holds two space-separated
signatures (new, then old). A 2xx answer within 10 s counts as delivered; redirects are not followed.

**Ordering**: events about a deployment carry \`sequence\`, strictly increasing per deployment (gaps are
normal); sort and de-duplicate by it. Tenant-level notices (\`webhook.disabled\`, tenant budgets) carry
\`sequence: null\`.

**Retries** (at least once): ${Webhook.MAX_ATTEMPTS} attempts over about a day, exponential with ±20% jitter,
each wait capped at 4 h; then the delivery is \`failed\` and can be redelivered from the delivery log.
A subscription whose every attempt failed for 3 days (operator-configurable) is disabled, and the tenant's other subscriptions
get \`webhook.disabled\`.

| attempt | wait before it | since the first |
|---|---|---|
${retryDelays}`;

export const webhooks = new OpenAPIHono()
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      tags,
      security,
      summary: "Subscribe a URL to events",
      description: delivery,
      request: {
        body: body(Webhook.CreateInput, {
          url: "https://example.com/hangar/webhooks",
          events: ["deployment.ready", "deployment.failed", "deployment.stopped"],
        }),
      },
      responses: { 201: json(Created, "Subscribed"), ...errors(400, 401, 422) },
    }),
    async (c) => c.json(await Webhook.create(c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags,
      security,
      summary: "List webhook subscriptions, with their status",
      responses: {
        200: json(z.object({ data: z.array(Webhook.Subscription) }), "Subscriptions"),
        ...errors(401),
      },
    }),
    async (c) => c.json({ data: await Webhook.list() }, 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      tags,
      security,
      summary: "Change a subscription's url or events, or re-enable it",
      request: {
        params: IdParam,
        body: body(Webhook.UpdateInput, { status: "active" }),
      },
      responses: { 200: json(Webhook.Subscription, "Updated"), ...errors(400, 401, 404, 422) },
    }),
    async (c) => c.json(await Webhook.update(c.req.valid("json"), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      tags,
      security,
      summary: "Delete a webhook subscription",
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" }, ...errors(401, 404) },
    }),
    async (c) => {
      await Webhook.remove(c.req.valid("param").id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/rotate-secret",
      tags,
      security,
      summary: "Rotate the signing secret",
      description:
        "Returns the new secret once. Until `previousSecretExpiresAt` deliveries carry both signatures.",
      request: {
        params: IdParam,
        body: body(Webhook.RotateInput, { graceHours: 24 }, false),
      },
      responses: { 200: json(Rotated, "Rotated"), ...errors(400, 401, 404, 409) },
    }),
    async (c) => c.json(await Webhook.rotate(c.req.valid("json") ?? {}, c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/deliveries",
      tags,
      security,
      summary: "The subscription's delivery log, newest first",
      request: { params: IdParam, query: Webhook.DeliveriesInput },
      responses: {
        200: json(
          z.object({ data: z.array(Webhook.DeliveryInfo), nextCursor: z.string().nullable() }),
          "Deliveries",
        ),
        ...errors(400, 401, 404),
      },
    }),
    async (c) => c.json(await Webhook.deliveries(c.req.valid("query"), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/deliveries/{eventId}/redeliver",
      tags,
      security,
      summary: "Send a delivered or failed delivery again, with a fresh retry budget",
      request: { params: EventParams },
      responses: {
        202: json(Webhook.DeliveryInfo, "Queued"),
        ...errors(401, 404, 409),
      },
    }),
    async (c) => {
      const { id, eventId } = c.req.valid("param");
      return c.json(await Webhook.redeliver(id, eventId), 202);
    },
  );
