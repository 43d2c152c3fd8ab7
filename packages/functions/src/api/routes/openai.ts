import * as Deployment from "@hangar/core/deployment/index";
import { type ErrorKind, RetryLater, VisibleError } from "@hangar/core/error";
import { ProviderError } from "@hangar/core/provider/error";
import { log } from "@hangar/core/util/log";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod";
import { auth, type VerifyKey } from "../auth";
import { fromProvider, statusOf } from "../errors";
import { body as example, json } from "../openapi";
import { passthrough } from "../passthrough";
import { appliedHeaders, PreferHeaders, preferredWait, withApplied } from "../prefer";

/**
 * One OpenAI base URL for every deployment: `model` is a deployment's name or id, and the call
 * goes through the same proxy as `/v1/deployments/{id}/chat/completions` (so it counts as
 * activity the same way). Errors here take OpenAI's shape, which OpenAI clients parse.
 */
const tags = ["OpenAI-compatible"];
const security = [{ bearerAuth: [] }];

const OpenAIError = z
  .object({
    error: z.object({
      message: z.string(),
      type: z.string(),
      param: z.string().nullable(),
      code: z.string().nullable(),
    }),
  })
  .meta({ id: "OpenAIError" });

const Model = z
  .object({
    id: z.string().meta({ description: "The deployment's name (its id when it has none)." }),
    object: z.literal("model"),
    created: z.number().int(),
    owned_by: z.string(),
  })
  .meta({ id: "OpenAIModel" });

const ChatBody = z
  .looseObject({
    model: z.string().min(1).meta({ description: "A deployment's name or id.", example: "support-bot" }),
    messages: z.array(z.unknown()).min(1),
    stream: z.boolean().optional(),
  })
  .meta({ description: "An OpenAI chat completion request." });

const failures = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, json(OpenAIError, `Error (${s}), in OpenAI's shape`)]));

const types: Record<ErrorKind, string> = {
  input: "invalid_request_error",
  auth: "authentication_error",
  not_found: "invalid_request_error",
  conflict: "invalid_request_error",
  unprocessable: "invalid_request_error",
  unavailable: "api_error",
  retry_later: "api_error",
};

function openAIError(
  c: Context,
  status: ContentfulStatusCode,
  type: string,
  code: string,
  message: string,
  param: string | null = null,
) {
  return c.json({ error: { message, type, param, code } }, status);
}

function onError(thrown: Error, c: Context) {
  const error = thrown instanceof ProviderError ? fromProvider(thrown) : thrown;
  if (error instanceof RetryLater) c.header("Retry-After", String(error.retryAfterSeconds));
  if (error instanceof VisibleError) {
    const param = error.code === "deployment.not_found" ? "model" : null;
    return openAIError(c, statusOf[error.kind], types[error.kind], error.code, error.message, param);
  }
  log.error("unhandled error", { error, path: c.req.path });
  return openAIError(
    c,
    500,
    "api_error",
    "internal",
    "Something went wrong on our side; it has been logged.",
  );
}

const toModel = (d: Deployment.Info) => ({
  id: d.name,
  object: "model" as const,
  created: Math.floor(Date.parse(d.createdAt) / 1000),
  owned_by: d.provider,
});

/** Built per app: its auth answers in OpenAI's shape, so it is registered here with the routes. */
export function openai(verify?: VerifyKey) {
  const router = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const param = issue?.path.join(".") || null;
      const message = issue ? `${param ? `${param}: ` : ""}${issue.message}` : "The request is not valid.";
      return openAIError(c, 400, "invalid_request_error", "request.invalid", message, param);
    },
  });
  router.onError(onError);
  router.use("/*", auth(verify));

  return router
    .openapi(
      createRoute({
        method: "get",
        path: "/v1/models",
        tags,
        security,
        summary: "Deployments that can serve now, as OpenAI models",
        responses: {
          200: json(z.object({ object: z.literal("list"), data: z.array(Model) }), "Ready deployments"),
          ...failures(401),
        },
      }),
      async (c) => c.json({ object: "list" as const, data: (await Deployment.serving()).map(toModel) }, 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/v1/models/{model}",
        tags,
        security,
        summary: "One deployment, as an OpenAI model",
        request: { params: z.object({ model: z.string().meta({ param: { name: "model", in: "path" } }) }) },
        responses: { 200: json(Model, "The deployment"), ...failures(401, 404) },
      }),
      async (c) => c.json(toModel(await Deployment.get(c.req.valid("param").model)), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/v1/chat/completions",
        tags,
        security,
        summary: "Chat completions, routed by `model` to a deployment",
        description:
          "`model` is a deployment's name or id. Streaming included. Counts as activity for the idle timeout. A stopped deployment with `wakeOnRequest` is started by the request: 503 `deployment.waking` with Retry-After, or held until it serves with `Prefer: wait=N`.",
        request: {
          headers: PreferHeaders,
          body: example(ChatBody, { model: "support-bot", messages: [{ role: "user", content: "Hi" }] }),
        },
        responses: {
          200: {
            description: "The provider's completion (JSON, or text/event-stream when streaming)",
            headers: appliedHeaders,
          },
          ...failures(400, 401, 404, 409, 502, 503),
        },
      }),
      async (c) => {
        const body = c.req.valid("json");
        const waitSeconds = await preferredWait(c.req.valid("header").prefer);
        const upstream = await Deployment.chat(body.model, body, c.req.raw.signal, { waitSeconds });
        if (upstream.ok) return withApplied(passthrough(upstream), waitSeconds);
        const text = await upstream.text().catch(() => "");
        return openAIError(
          c,
          502,
          "api_error",
          "provider.rejected",
          `The provider answered ${upstream.status}: ${text.slice(0, 500)}`,
        );
      },
    );
}
