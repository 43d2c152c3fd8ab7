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
    from: Deployment.State.nullable(),
    to: Deployment.State,
    reason: z.string().nullable(),
    message: z.string().nullable(),
    at: z.string(),
    sequence: z.number().int(),
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
      summary: "A deployment's state history",
      request: { params: IdParam },
      responses: { 200: json(z.object({ data: z.array(Event) }), "Oldest first"), ...errors(401, 404) },
    }),
    async (c) => c.json({ data: await Deployment.events(c.req.valid("param").id) }, 200),
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
      const waitSeconds = preferredWait(c.req.valid("header").prefer);
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
