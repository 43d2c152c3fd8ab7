import * as Deployment from "@hangar/core/deployment/index";
import { log } from "@hangar/core/util/log";
import { metric } from "@hangar/core/util/metrics";
import * as Webhook from "@hangar/core/webhook/index";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "aws-lambda";
import { registerProviderClients } from "../providers/clients";
import { auth, type VerifyKey } from "./auth";
import { errorBody, invalid, onError } from "./errors";
import { publicUrl } from "./public-url";
import { budget } from "./routes/budget";
import { consoleRoutes } from "./routes/console";
import { cost } from "./routes/cost";
import { deploymentBudget } from "./routes/deployment-budget";
import { deploymentCost } from "./routes/deployment-cost";
import { deploymentLeases } from "./routes/deployment-leases";
import { deploymentMetrics } from "./routes/deployment-metrics";
import { deploymentModels } from "./routes/deployment-models";
import { deployments } from "./routes/deployments";
import { docs } from "./routes/docs";
import { estimates } from "./routes/estimates";
import { hardware } from "./routes/hardware";
import { keys } from "./routes/keys";
import { models } from "./routes/models";
import { openai } from "./routes/openai";
import { settings } from "./routes/settings";
import { stops } from "./routes/stops";
import { webhooks } from "./routes/webhooks";

registerProviderClients();

/**
 * The API's composition root: public routes, then auth, then one router per URL prefix, in a file
 * named for it (a deployment's sub-resources in deployment-<name>.ts). `verify` resolves API keys;
 * route tests pass their own so they reach validation without a store.
 */
export function createApp({ verify }: { verify?: VerifyKey } = {}) {
  const app = new OpenAPIHono({
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
  app.route("/docs", docs);
  // Static files, not an API resource: the console's own routes are /console and /console/*.
  app.route("/", consoleRoutes);

  app.use("/v1/*", auth(verify));
  // Mounted in the order the served document lists paths in (the SDK is generated from it).
  app.route("/v1/deployments", deployments);
  app.route("/v1/hardware", hardware);
  app.route("/v1/deployments", deploymentLeases);
  app.route("/v1/models", models);
  app.route("/v1/stops", stops);
  app.route("/v1/settings", settings);
  app.route("/v1/webhooks", webhooks);
  app.route("/v1/estimates", estimates);
  app.route("/v1/deployments", deploymentCost);
  app.route("/v1/deployments", deploymentMetrics);
  app.route("/v1/cost", cost);
  app.route("/v1/deployments", deploymentBudget);
  app.route("/v1/budget", budget);
  app.route("/v1/keys", keys);
  app.route("/v1/deployments", deploymentModels);
  app.route("/openai", openai(verify));
  return app;
}

export const app = createApp();
