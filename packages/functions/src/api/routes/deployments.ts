import * as Deployment from "@hangar/core/deployment/index";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import * as z from "zod";
import { body, errors, IdParam, json } from "../openapi";
import { passthrough } from "../passthrough";
import { appliedHeaders, PreferHeaders, preferredWait, withApplied } from "../prefer";

const tags = ["Deployments"];
const security = [{ bearerAuth: [] }];
const Info = Deployment.Info;
const Accepted = json(
  Info,
  "Accepted: the change runs in the background; watch `state` or subscribe to webhooks.",
);

const Event = z
  .object({
    id: z.string(),
    kind: z.enum(["hangar", "provider"]).meta({
      description:
        "`hangar`: a state change (or a migration) Hangar recorded. `provider`: an entry of the provider's own events feed (Together v2), as the provider sent it.",
    }),
    from: Deployment.State.nullable(),
    to: Deployment.State.nullable().meta({ description: "Null for provider events." }),
    type: z.string().nullable().meta({
      description:
        "The webhook this state change fired (hangar), or the provider's event type, e.g. `deployment.scaled` (provider).",
    }),
    level: z.string().nullable().meta({ description: "Provider events: debug, info, warn or error." }),
    reason: z.string().nullable().meta({ description: "Provider events: what emitted it at the provider." }),
    message: z.string().nullable(),
    at: z.string(),
    sequence: z.number().int().nullable().meta({
      description: "Hangar events: the deployment's version after the change. Null for provider events.",
    }),
  })
  .meta({ id: "DeploymentEvent" });

const TestResult = z
  .object({
    output: z.string(),
    latencyMs: z.number().int(),
    usage: z
      .object({ promptTokens: z.number(), completionTokens: z.number(), totalTokens: z.number() })
      .nullable(),
    model: z.string(),
  })
  .meta({ id: "SmokeTestResult" });

const ChatBody = z
  .looseObject({ messages: z.array(z.unknown()).min(1), stream: z.boolean().optional() })
  .meta({ description: "An OpenAI chat completion request; `model` is set by Hangar." });

const action = (path: string, summary: string) =>
  createRoute({
    method: "post",
    path,
    tags,
    security,
    summary,
    request: { params: IdParam },
    responses: { 202: Accepted, ...errors(401, 404, 409) },
  });

export const deployments = new OpenAPIHono()
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      tags,
      security,
      summary: "Deploy a model",
      description: [
        "Mistakes are refused with 422 before anything is written or sent to the provider (a replay with the same Idempotency-Key is refused the same way):",
        "`hardware.unknown` (the provider offers no such hardware for the model; `details.suggestions` holds the closest ids, `details.list` the route that lists valid ones),",
        "`hardware.model_not_deployable`, `deployment.precision_unsupported`, `deployment.precision_invalid`, `deployment.scale_to_zero_unsupported`, `deployment.adapters_unsupported`,",
        "`deployment.base_not_found`, `deployment.base_invalid`, `adapter.base_deployment_required` (Together: load the adapter onto a deployment of its base with `baseDeploymentId`),",
        "`adapter.base_mismatch` (the adapter's `adapter_config.json` names another base), `adapter.config_missing`, `adapter.config_invalid`.",
        "What could not be checked (the hardware list didn't answer in time, the adapter's base isn't named) is accepted and listed in `warnings`.",
      ].join(" "),
      request: {
        headers: z.object({ "idempotency-key": z.string().max(255).optional() }),
        body: body(Deployment.CreateInput, {
          name: "support-bot",
          provider: "together",
          model: { source: "hf://Qwen/Qwen2.5-0.5B-Instruct" },
          hardware: "1x_nvidia_h100_80gb_sxm",
          autoscaling: { minReplicas: 1, maxReplicas: 2 },
          idleTimeoutMinutes: 30,
        }),
      },
      responses: { 202: Accepted, ...errors(400, 401, 409, 422) },
    }),
    async (c) => {
      const info = await Deployment.create(c.req.valid("json"), c.req.valid("header")["idempotency-key"]);
      return c.json(info, 202);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags,
      security,
      summary: "List deployments",
      request: { query: Deployment.ListInput },
      responses: {
        200: json(
          z.object({ data: z.array(Info), nextCursor: z.string().nullable() }),
          "A page of deployments",
        ),
        ...errors(400, 401),
      },
    }),
    async (c) => c.json(await Deployment.list(c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags,
      security,
      summary: "Get a deployment (or wait for a state)",
      description:
        "With `waitFor`, the request is held until the deployment reaches that state or fails, or until `timeoutSeconds` pass; the answer is the deployment as it then is, either way. The `Hangar-Wait` header says `reached`, `failed` (it can no longer get there) or `timeout`.",
      request: { params: IdParam, query: Deployment.WaitQuery },
      responses: {
        200: {
          ...json(Info, "The deployment"),
          headers: z.object({
            "Hangar-Wait": z
              .enum(["reached", "failed", "timeout"])
              .optional()
              .meta({ description: "With waitFor only: how the wait ended." }),
          }),
        },
        ...errors(400, 401, 404),
      },
    }),
    async (c) => {
      const { waitFor, timeoutSeconds } = c.req.valid("query");
      const id = c.req.valid("param").id;
      if (!waitFor) return c.json(await Deployment.get(id), 200);
      const { info, outcome } = await Deployment.waitFor(id, waitFor, timeoutSeconds, c.req.raw.signal);
      c.header("Hangar-Wait", outcome);
      return c.json(info, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/{id}/events",
      tags,
      security,
      summary: "A deployment's state history, with the provider's own events",
      request: {
        params: IdParam,
        query: z.object({
          kind: z
            .enum(["hangar", "provider"])
            .optional()
            .meta({ description: "Only Hangar's state history, or only the provider's events." }),
        }),
      },
      responses: { 200: json(z.object({ data: z.array(Event) }), "Oldest first"), ...errors(400, 401, 404) },
    }),
    async (c) =>
      c.json({ data: await Deployment.events(c.req.valid("param").id, c.req.valid("query").kind) }, 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/{id}",
      tags,
      security,
      summary: "Rename, or change autoscaling, hardware or idle timeout",
      description:
        "A hardware change starts a new endpoint and deletes the old one once the new one serves. Refused with 422 before anything changes: `hardware.unknown` (with `details.suggestions` and `details.list`), `deployment.allow_adapters_immutable` (allowAdapters is fixed at create). A name already used by another deployment that is not deleted answers 409 `deployment.name_taken`.",
      request: {
        params: IdParam,
        body: body(Deployment.UpdateInput, { autoscaling: { minReplicas: 1, maxReplicas: 4 } }),
      },
      responses: { 202: Accepted, ...errors(400, 401, 404, 409, 422) },
    }),
    async (c) => {
      const { name, ...rest } = c.req.valid("json");
      const renamed = name ? await Deployment.rename(c.req.valid("param").id, name) : undefined;
      const more = Object.values(rest).some((v) => v !== undefined);
      if (renamed && !more) return c.json(renamed, 202);
      return c.json(await Deployment.update(rest, renamed?.id ?? c.req.valid("param").id), 202);
    },
  )
  .openapi(action("/{id}/stop", "Stop (keeps the endpoint, stops billing)"), async (c) =>
    c.json(await Deployment.stop(c.req.valid("param").id), 202),
  )
  .openapi(action("/{id}/start", "Start a stopped (or stopping) deployment"), async (c) =>
    c.json(await Deployment.start(c.req.valid("param").id), 202),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/migrate",
      tags,
      security,
      summary: "Move a Together v1 deployment to v2 without stopping its traffic",
      description: [
        "Creates the v2 endpoint and deployment (same model, hardware, autoscaling and policies) while v1 keeps serving, waits until it serves, switches the proxy to it, then deletes the v1 endpoint after `drainSeconds` so requests in flight finish on v1.",
        "`deployment.migrated` fires at the switch (old and new provider endpoint names); if v2 fails, or doesn't serve within `timeoutSeconds`, the deployment stays ready on v1, `lastError` says why, `deployment.migration_failed` fires and the v2 attempt is deleted. Asking again while a migration runs answers as the first request did.",
        "Refused before anything is written: 422 `deployment.migration_unsupported` (not Together); 409 `deployment.already_migrated` (already v2), `deployment.invalid_state` (deleted, failed, stopped or in flight: `message` says what to do), `deployment.has_adapters`, `deployment.adapter_follows_base`, `deployment.retiring_endpoint` (an endpoint it no longer uses is still being deleted).",
      ].join(" "),
      request: { params: IdParam, body: body(Deployment.MigrateInput, { drainSeconds: 300 }, false) },
      responses: { 202: Accepted, ...errors(400, 401, 404, 409, 422) },
    }),
    async (c) => c.json(await Deployment.migrate(c.req.valid("json") ?? {}, c.req.valid("param").id), 202),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      tags,
      security,
      summary: "Delete the deployment and its endpoint",
      description:
        "A deployment with adapters loaded onto it is refused (409 `deployment.has_adapters`, listing them) unless `cascade=true`, which deletes them too.",
      request: {
        params: IdParam,
        query: z.object({
          cascade: z
            .enum(["true", "false"])
            .optional()
            .meta({ description: "Also delete the adapters loaded onto this deployment." }),
        }),
      },
      responses: { 202: Accepted, ...errors(401, 404, 409) },
    }),
    async (c) =>
      c.json(
        await Deployment.remove(c.req.valid("param").id, {
          cascade: c.req.valid("query").cascade === "true",
        }),
        202,
      ),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/test",
      tags,
      security,
      summary: "Smoke-test the endpoint with one chat completion",
      description: "Does not count as activity.",
      request: {
        params: IdParam,
        body: body(Deployment.SmokeTestInput, { prompt: "Say hello", maxTokens: 32 }, false),
      },
      responses: { 200: json(TestResult, "The completion, timed"), ...errors(400, 401, 404, 409, 502) },
    }),
    async (c) => c.json(await Deployment.smokeTest(c.req.valid("json") ?? {}, c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/chat/completions",
      tags,
      security,
      summary: "OpenAI-compatible chat completions, proxied to the endpoint",
      description:
        "Streaming included. Counts as activity for the idle timeout. A deployment with `wakeOnRequest` that is stopped is started by the request: 503 `deployment.waking` with Retry-After, or, with `Prefer: wait=N`, the request is held until it serves.",
      request: {
        params: IdParam,
        headers: PreferHeaders,
        body: body(ChatBody, { messages: [{ role: "user", content: "Hi" }], stream: false }),
      },
      responses: {
        200: {
          description: "The provider's response, passed through (JSON, or text/event-stream when streaming)",
          headers: appliedHeaders,
        },
        ...errors(400, 401, 404, 409, 502, 503),
      },
    }),
    async (c) => {
      const waitSeconds = await preferredWait(c.req.valid("header").prefer);
      const upstream = await Deployment.chat(c.req.valid("param").id, c.req.valid("json"), c.req.raw.signal, {
        waitSeconds,
      });
      return withApplied(passthrough(upstream), waitSeconds);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/activity",
      tags,
      security,
      summary: "Heartbeat: traffic sent to the provider directly",
      request: { params: IdParam },
      responses: {
        202: json(z.object({ recorded: z.boolean() }), "Recorded (at most once per interval)"),
        ...errors(401, 404),
      },
    }),
    async (c) => c.json(await Deployment.recordActivity(c.req.valid("param").id), 202),
  );
