import { randomUUID } from "node:crypto";
import { Hono, type MiddlewareHandler } from "hono";
import { type Exchange, exchangeLog } from "../shared/exchanges";
import type { Harness } from "../shared/server";
import { inferenceError, rpcError } from "./errors";
import { accountOf, routeKey } from "./http";
import { controlRoutes } from "./routes/control";
import { deployedModelRoutes } from "./routes/deployed-models";
import { deploymentRoutes } from "./routes/deployments";
import { inferenceRoutes } from "./routes/inference";
import { metricsRoutes } from "./routes/metrics";
import { modelRoutes } from "./routes/models";
import { shapeRoutes } from "./routes/shapes";
import { storageRoutes } from "./routes/storage";
import type { SimState } from "./state";

export type SimContext = Harness & {
  state: SimState;
  apiKey: string;
  onExchange?: (exchange: Exchange) => void;
};

type Api = "control" | "inference";

/** Both APIs answer in their own error shape: google.rpc for the control plane, OpenAI-like for inference. */
function failure(
  api: Api,
  c: Parameters<MiddlewareHandler>[0],
  code: "UNAUTHENTICATED" | "RESOURCE_EXHAUSTED" | "INTERNAL" | "UNAVAILABLE" | "DEADLINE_EXCEEDED",
  message: string,
) {
  if (api === "control") return rpcError(c, code, message);
  const status = {
    UNAUTHENTICATED: 401,
    RESOURCE_EXHAUSTED: 429,
    INTERNAL: 500,
    UNAVAILABLE: 503,
    DEADLINE_EXCEEDED: 504,
  } as const;
  return inferenceError(c, status[code], message, { code, type: "error" });
}

function guard(ctx: SimContext, api: Api): MiddlewareHandler {
  return async function authAndFaults(c, next) {
    c.header("x-request-id", randomUUID());
    if (c.req.header("authorization") !== `Bearer ${ctx.apiKey}`) {
      return failure(api, c, "UNAUTHENTICATED", "unauthenticated: invalid API key");
    }
    const route = routeKey(c.req.method, c.req.path);
    ctx.state.count(route);
    const kind = ctx.faults.pick(route);
    if (kind === "429") {
      c.header("retry-after", String(Math.ceil(ctx.faults.retryAfterMs / 1000)));
      c.header("retry-after-ms", String(ctx.faults.retryAfterMs));
      return failure(api, c, "RESOURCE_EXHAUSTED", "too many requests, please slow down");
    }
    if (kind === "500") return failure(api, c, "INTERNAL", "internal error");
    if (kind === "503") return failure(api, c, "UNAVAILABLE", "the service is currently unavailable");
    if (kind === "timeout") {
      await hang(ctx.faults.hangMs, ctx.closing);
      return failure(api, c, "DEADLINE_EXCEEDED", "deadline exceeded");
    }
    await next();
  };
}

/** Other accounts are forbidden; the public `fireworks` account (and the `-` wildcard for shapes) may be read. */
function accountScope(state: SimState): MiddlewareHandler {
  return async function ownAccount(c, next) {
    const account = accountOf(c);
    const shapes = c.req.path.includes("/deploymentShapes");
    const publicRead = c.req.method === "GET" && (account === "fireworks" || (shapes && account === "-"));
    if (account !== state.account && !publicRead) {
      return rpcError(c, "PERMISSION_DENIED", `permission denied on account ${account}`);
    }
    await next();
  };
}

function hang(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => resolve(clearTimeout(timer)), { once: true });
  });
}

export function createSimApp(ctx: SimContext) {
  const log = exchangeLog(ctx.exchanges, routeKey, ctx.onExchange);
  const account = new Hono();
  account.use(accountScope(ctx.state));
  for (const routes of [modelRoutes, deploymentRoutes, shapeRoutes, deployedModelRoutes, metricsRoutes])
    account.route("/", routes(ctx.state));

  const control = new Hono();
  control.use(log, guard(ctx, "control"));
  control.route("/accounts/:account", account);

  const inference = new Hono();
  inference.use(log, guard(ctx, "inference"));
  inference.route("/", inferenceRoutes(ctx.state));

  const app = new Hono();
  // Uploads stream straight to a byte counter: outside the exchange log, which reads bodies whole.
  app.route("/_storage", storageRoutes(ctx.state));
  app.route("/_sim", controlRoutes(ctx.state, ctx.faults, ctx.exchanges));
  app.route("/inference/v1", inference);
  app.route("/v1", control);
  app.notFound((c) => rpcError(c, "NOT_FOUND", `no route for ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => rpcError(c, "INTERNAL", `internal error (${error.message})`));
  return app;
}
