import { randomUUID } from "node:crypto";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type Exchange, exchangeLog } from "../shared/exchanges";
import type { Harness } from "../shared/server";
import { fail, messages } from "./errors";
import { routeKey } from "./http";
import { adapterRoutes } from "./routes/adapters";
import { chatRoutes } from "./routes/chat";
import { controlRoutes } from "./routes/control";
import { endpointRoutes } from "./routes/endpoints";
import { modelRoutes } from "./routes/models";
import type { SimState } from "./state";
import { V2_PATH, v2Routes, whoami } from "./v2/app";
import { statusBody } from "./v2/errors";

export type SimContext = Harness & {
  state: SimState;
  apiKey: string;
  onExchange?: (exchange: Exchange) => void;
};

const RATE_LIMIT = 600;

/** The headers Together puts on every answer: request ids and a per-minute request budget. */
function together(): MiddlewareHandler {
  let windowStart = Date.now();
  let used = 0;
  return async function togetherHeaders(c, next) {
    const now = Date.now();
    if (now - windowStart >= 60_000) {
      windowStart = now;
      used = 0;
    }
    used++;
    c.header("x-request-id", randomUUID());
    c.header("x-together-traceid", randomUUID().replaceAll("-", ""));
    c.header("x-ratelimit-limit", String(RATE_LIMIT));
    c.header("x-ratelimit-remaining", String(Math.max(0, RATE_LIMIT - used)));
    c.header("x-ratelimit-reset", String(Math.ceil((windowStart + 60_000 - now) / 1000)));
    await next();
  };
}

/** v1 answers errors as `{"error": {…}}`, v2 as a gRPC status `{code, message, details}`. */
function failAny(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  detail: Parameters<typeof fail>[3],
) {
  return V2_PATH.test(c.req.path)
    ? c.json(statusBody(status, message), status)
    : fail(c, status, message, detail);
}

function auth(apiKey: string): MiddlewareHandler {
  return async function bearerAuth(c, next) {
    if (c.req.header("authorization") !== `Bearer ${apiKey}`) {
      return failAny(c, 401, messages.invalidKey, { code: "invalid_api_key" });
    }
    await next();
  };
}

function hang(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

function faulty(ctx: SimContext): MiddlewareHandler {
  return async function injectFaults(c, next) {
    const route = routeKey(c.req.method, c.req.path);
    ctx.state.count(route);
    const kind = ctx.faults.pick(route);
    if (kind === "429") {
      c.header("retry-after-ms", String(ctx.faults.retryAfterMs));
      c.header("retry-after", String(Math.ceil(ctx.faults.retryAfterMs / 1000)));
      return failAny(c, 429, messages.rateLimited, {
        type: "rate_limit_exceeded",
        code: "rate_limit_exceeded",
      });
    }
    if (kind === "500") return failAny(c, 500, messages.internal, { type: "server_error", code: null });
    if (kind === "503")
      return failAny(c, 503, messages.overloaded, { type: "server_error", code: "service_unavailable" });
    if (kind === "timeout") {
      await hang(ctx.faults.hangMs, ctx.closing);
      return failAny(c, 504, "Request timed out", { type: "server_error", code: "timeout" });
    }
    await next();
  };
}

/**
 * One account behind two APIs: v1 under `/v1`, v2 under `/v2`, and v2 also under `/v1` and at the
 * root, where the SDK sends it when its base URL is overridden (reference §1.1).
 */
export function createSimApp(ctx: SimContext) {
  const v1 = new Hono();
  v1.route("/", modelRoutes(ctx.state));
  v1.route("/", endpointRoutes(ctx.state));
  v1.route("/", adapterRoutes(ctx.state));
  v1.route("/", chatRoutes(ctx.state));
  v1.get("/whoami", (c) => c.json(whoami(ctx.state, ctx.apiKey)));
  v1.route("/", v2Routes(ctx.state));

  const api = new Hono();
  api.use(exchangeLog(ctx.exchanges, routeKey, ctx.onExchange), together(), auth(ctx.apiKey), faulty(ctx));
  api.route("/v1", v1);
  api.route("/v2", v2Routes(ctx.state));
  api.get("/whoami", (c) => c.json(whoami(ctx.state, ctx.apiKey)));
  api.route("/", v2Routes(ctx.state));

  const app = new Hono();
  app.route("/_sim", controlRoutes(ctx.state, ctx.faults, ctx.exchanges));
  app.route("/", api);
  app.notFound((c) => failAny(c, 404, `Not found: ${c.req.method} ${c.req.path}`, { code: "not_found" }));
  app.onError((error, c) =>
    fail(c, 500, `${messages.internal} (${error.message})`, { type: "server_error" }),
  );
  return app;
}
