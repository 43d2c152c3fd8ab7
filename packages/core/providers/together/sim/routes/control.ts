import { Hono } from "hono";
import { z } from "zod";
import { advanceEndpoint, endpointView, failEndpoint } from "../endpoints";
import { fail } from "../errors";
import type { Exchange } from "../exchanges";
import { type Faults, faultKinds } from "../faults";
import { readBody } from "../http";
import { advanceJob, CORRUPT_WEIGHTS, jobView } from "../jobs";
import type { SimState } from "../state";

const Kind = z.enum(faultKinds);
const Rates = z.partialRecord(Kind, z.number().min(0).max(1));
const FaultInput = z.object({
  route: z.string().optional(),
  rates: Rates.optional(),
  next: z.array(z.union([Kind, z.object({ kind: Kind, route: z.string().optional() })])).optional(),
  retry_after_ms: z.number().min(0).optional(),
  hang_ms: z.number().min(0).optional(),
});

/**
 * Test-only control surface under `/_sim`, unauthenticated: inspect everything, inject faults,
 * fail uploads and endpoints, reset. Never part of Together's API.
 */
export function controlRoutes(state: SimState, faults: Faults, exchanges: Exchange[]) {
  const app = new Hono();

  app.get("/state", (c) => {
    const endpoints = [...state.endpoints.values()].map((e) => ({
      ...endpointView(advanceEndpoint(state, e)),
      deleted: e.deleted,
      inactive_timeout: e.inactive_timeout,
      adapters: e.adapters,
    }));
    return c.json({
      owner: state.owner,
      endpoints,
      endpoints_deleted: endpoints.filter((e) => e.deleted).length,
      jobs: [...state.jobs.values()].map((job) => jobView(advanceJob(state, job))),
      models: [...state.models.values()],
      calls: state.calls,
      faults: faults.view(),
      fail_next_uploads: state.failNextUploads.length,
    });
  });

  app.post("/reset", (c) => {
    state.reset();
    faults.reset();
    exchanges.length = 0;
    return c.json({ ok: true });
  });

  app.post("/faults", async (c) => {
    const body = await readBody(c, FaultInput);
    if (!body.ok) return body.response;
    const { route, rates, next, retry_after_ms, hang_ms } = body.data;
    if (rates && route) faults.routeRates.set(route, rates);
    else if (rates) faults.rates = rates;
    for (const item of next ?? []) faults.queue.push(typeof item === "string" ? { kind: item, route } : item);
    if (retry_after_ms !== undefined) faults.retryAfterMs = retry_after_ms;
    if (hang_ms !== undefined) faults.hangMs = hang_ms;
    return c.json(faults.view());
  });

  app.delete("/faults", (c) => {
    faults.reset();
    return c.json(faults.view());
  });

  app.post("/uploads/fail-next", async (c) => {
    const body = await readBody(
      c,
      z.object({ count: z.number().int().min(1).default(1), message: z.string().optional() }),
    );
    if (!body.ok) return body.response;
    for (let i = 0; i < body.data.count; i++)
      state.failNextUploads.push(body.data.message ?? CORRUPT_WEIGHTS);
    return c.json({ fail_next_uploads: state.failNextUploads.length });
  });

  app.post("/endpoints/:endpointId/error", async (c) => {
    const endpoint = state.endpoints.get(c.req.param("endpointId"));
    if (!endpoint || endpoint.deleted)
      return fail(c, 404, `Endpoint not found: ${c.req.param("endpointId")}`);
    const body = await readBody(c, z.object({ state: z.enum(["ERROR", "FAILED"]).default("ERROR") }));
    if (!body.ok) return body.response;
    failEndpoint(endpoint, body.data.state);
    return c.json(endpointView(endpoint));
  });

  app.get("/exchanges", (c) => c.json({ data: exchanges }));
  app.delete("/exchanges", (c) => {
    exchanges.length = 0;
    return c.json({ ok: true });
  });

  return app;
}
