import * as Deployment from "@hangar/core/deployment/index";
import { log } from "@hangar/core/util/log";
import { metric } from "@hangar/core/util/metrics";
import * as Webhook from "@hangar/core/webhook/index";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "aws-lambda";
import { registerProviderClients } from "../providers/clients";
import { auth } from "./auth";
import { docs } from "./docs";
import { errorBody, invalid, onError } from "./errors";
import { publicUrl } from "./public-url";
import { consoleRoutes } from "./routes/console";
import { cost } from "./routes/cost";
import { deploymentModels } from "./routes/deployment-models";
import { deployments } from "./routes/deployments";
import { hardware } from "./routes/hardware";
import { keys } from "./routes/keys";
import { leases } from "./routes/leases";
import { models } from "./routes/models";
import { openai } from "./routes/openai";
import { policies } from "./routes/policies";
import { webhooks } from "./routes/webhooks";

registerProviderClients();

/** The API's composition root: public routes, then auth, then one router per resource. */
export const app = new OpenAPIHono({
  defaultHook: (result, c) => {
    if (!result.success) return c.json(invalid(result.error.issues), 400);
  },
});

// On Lambda: the invocation's context on its log lines, its metrics written when it ends.
app.use(async function lambda(c, next) {
  const env = c.env as { context?: Context; lambdaContext?: Context } | undefined;
  log.addContext(env?.context ?? env?.lambdaContext);
  try {
    await next();
  } finally {
    metric.flush();
  }
});
app.onError(onError);
app.notFound((c) => c.json(errorBody("route.not_found", `No route ${c.req.method} ${c.req.path}.`), 404));

app.get("/healthz", (c) => c.json({ ok: true }));
app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer" });
app.doc31("/openapi.json", (c) => ({
  openapi: "3.1.0",
  info: {
    title: "Hangar API",
    version: "1.0.0",
    description: "Deploy, scale, stop and test custom LLMs on inference providers' dedicated GPUs.",
  },
  // "Try it" in /docs sends requests here, with the API key as a bearer token.
  servers: [{ url: publicUrl(c) }],
  security: [{ bearerAuth: [] }],
}));
// The event catalogue, as OpenAPI 3.1 webhooks. Registered on the root registry: a router's
// registry is merged path by path, which would prefix each event name with a slash.
for (const type of Webhook.eventTypes) {
  app.openAPIRegistry.registerWebhook({
    method: "post",
    path: type,
    tags: ["Webhook events"],
    summary: Webhook.catalogue[type].summary,
    description: "Signing, ordering and retries: see `POST /v1/webhooks`.",
    request: {
      body: { content: { "application/json": { schema: Webhook.payloadSchema(type, Deployment.Info) } } },
    },
    responses: { 200: { description: "Any 2xx acknowledges the delivery." } },
  });
}
app.route("/", docs);
app.route("/", consoleRoutes);

app.use("/v1/*", auth());
app.route("/", deployments);
app.route("/", hardware);
app.route("/", leases);
app.route("/", models);
app.route("/", policies);
app.route("/", webhooks);
app.route("/", cost);
app.route("/", keys);
app.route("/", deploymentModels);
app.route("/", openai);
