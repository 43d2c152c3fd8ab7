import { Hono } from "hono";
import { advanceDeployment } from "../deployments";
import { rpcError } from "../errors";
import { exposition, takeScrape } from "../metrics";
import type { SimState } from "../state";

/**
 * `GET /v1/accounts/{a}/metrics`: Prometheus text from the requests really served, whoever sent
 * them. Past six scrapes a minute the account gets 429; fail it with `/_sim/faults` on the route
 * `GET /v1/accounts/:account/metrics`.
 */
export function metricsRoutes(state: SimState) {
  const app = new Hono();
  app.get("/metrics", (c) => {
    if (!takeScrape(state)) {
      c.header("retry-after", "60");
      return rpcError(c, "RESOURCE_EXHAUSTED", "metrics: at most 6 requests per minute per account");
    }
    const deployments = new Map(
      [...state.deployments.values()].map((d) => [d.id, advanceDeployment(state, d)] as const),
    );
    return c.body(exposition(state, deployments), 200, {
      "content-type": "text/plain; version=0.0.4; charset=utf-8",
    });
  });
  return app;
}
