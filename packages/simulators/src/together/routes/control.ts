import { Hono } from "hono";
import * as z from "zod";
import { mountControl } from "../../shared/control";
import type { Exchange } from "../../shared/exchanges";
import type { Faults } from "../../shared/faults";
import { advanceEndpoint, endpointView, failEndpoint } from "../endpoints";
import { fail } from "../errors";
import { readBody } from "../http";
import { advanceJob, CORRUPT_WEIGHTS, jobView } from "../jobs";
import type { SimState } from "../state";
import { deploymentView, failDeployment } from "../v2/deployments";
import { v2Snapshot } from "../v2/snapshot";

/**
 * Test-only control surface under `/_sim`, unauthenticated: inspect everything (v2 included),
 * inject faults, fail uploads, endpoints and deployments, ignore stops, set GPU capacity, reset.
 * Never part of Together's API.
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
      ignore_next_stops: state.ignoreNextStops,
      v2: v2Snapshot(state),
    });
  });

  mountControl(app, {
    faults,
    exchanges,
    reset: () => state.reset(),
    readBody,
    casing: "snake_case",
    exchangesKey: "data",
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

  app.post("/stops/ignore-next", async (c) => {
    const body = await readBody(c, z.object({ count: z.number().int().min(1).default(1) }));
    if (!body.ok) return body.response;
    state.ignoreNextStops += body.data.count;
    return c.json({ ignore_next_stops: state.ignoreNextStops });
  });

  app.post("/capacity", async (c) => {
    const body = await readBody(
      c,
      z.object({ accelerator: z.string().min(1), region: z.string().min(1), gpus: z.number().int().min(0) }),
    );
    if (!body.ok) return body.response;
    const { accelerator, region, gpus } = body.data;
    state.v2.capacity[accelerator] = { ...state.v2.capacity[accelerator], [region]: gpus };
    return c.json({ capacity: state.v2.capacity });
  });

  app.post("/deployments/:deploymentId/fail", async (c) => {
    const d = state.v2.deployments.get(c.req.param("deploymentId"));
    if (!d) return fail(c, 404, `Deployment not found: ${c.req.param("deploymentId")}`);
    const body = await readBody(
      c,
      z.object({ message: z.string().default("Timed out waiting for readiness") }),
    );
    if (!body.ok) return body.response;
    failDeployment(state, d, body.data.message);
    return c.json(deploymentView(state, d));
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

  return app;
}
