import { Hono } from "hono";
import * as z from "zod";
import { fits, hardwareConfigs } from "../catalog";
import {
  advanceEndpoint,
  createEndpoint,
  type EndpointListItem,
  endpointView,
  listView,
  liveEndpoint,
  requestState,
} from "../endpoints";
import { fail } from "../errors";
import { readBody } from "../http";
import { catalogEndpoints } from "../serverless";
import type { SimState } from "../state";
import { deployableMemory } from "./models";

const Autoscaling = z
  .object({ min_replicas: z.number().int().min(0), max_replicas: z.number().int().min(0) })
  .refine((a) => a.min_replicas <= a.max_replicas, { message: "min_replicas must not exceed max_replicas" });

const Create = z.object({
  model: z.string({ error: "model is required" }).min(1),
  hardware: z.string({ error: "hardware is required" }).min(1),
  autoscaling: Autoscaling,
  display_name: z.string().optional(),
  disable_prompt_cache: z.boolean().optional(),
  disable_speculative_decoding: z.boolean().optional(),
  state: z.enum(["STARTED", "STOPPED"]).optional(),
  inactive_timeout: z.number().int().min(0).nullable().optional(),
  availability_zone: z.string().optional(),
});

const Update = z.object({
  display_name: z.string().optional(),
  state: z.enum(["STARTED", "STOPPED"]).optional(),
  autoscaling: Autoscaling.optional(),
  inactive_timeout: z.number().int().min(0).nullable().optional(),
});

const notFound = (id: string) => `Endpoint not found: ${id}`;

export function endpointRoutes(state: SimState) {
  const app = new Hono();

  app.get("/endpoints", (c) => {
    const type = c.req.query("type");
    const mine = c.req.query("mine") === "true";
    const owned = [...state.endpoints.values()]
      .filter((e) => !e.deleted)
      .map((e) => listView(advanceEndpoint(state, e)));
    const all = [...(mine ? [] : catalogEndpoints()), ...owned];
    const data: EndpointListItem[] = all.filter((e) => !type || e.type === type);
    return c.json({ object: "list" as const, data });
  });

  app.post("/endpoints", async (c) => {
    const body = await readBody(c, Create);
    if (!body.ok) return body.response;
    const { model, hardware } = body.data;
    const memory = deployableMemory(state, model);
    if (memory === undefined) {
      return fail(c, 400, `Model ${model} not found or not supported for dedicated endpoints`, {
        param: "model",
        code: "model_not_found",
      });
    }
    const config = hardwareConfigs.find((h) => h.id === hardware);
    if (!config || !fits(config, memory)) {
      return fail(
        c,
        400,
        `invalid hardware provided: ${hardware} cannot serve ${model}; check the hardware api (GET /v1/hardware?model=${model}) for compatible configurations`,
        { param: "hardware", code: "invalid_hardware" },
      );
    }
    if (config.availability === "unavailable") {
      return fail(c, 400, `the selected configuration ${hardware} is currently unavailable`, {
        param: "hardware",
        code: "hardware_unavailable",
      });
    }
    return c.json(endpointView(createEndpoint(state, body.data)));
  });

  app.get("/endpoints/:endpointId", (c) => {
    const endpoint = liveEndpoint(state, c.req.param("endpointId"));
    if (!endpoint) return fail(c, 404, notFound(c.req.param("endpointId")), { code: "not_found" });
    return c.json(endpointView(endpoint));
  });

  app.patch("/endpoints/:endpointId", async (c) => {
    const endpoint = liveEndpoint(state, c.req.param("endpointId"));
    if (!endpoint) return fail(c, 404, notFound(c.req.param("endpointId")), { code: "not_found" });
    const body = await readBody(c, Update);
    if (!body.ok) return body.response;
    const { display_name, autoscaling, inactive_timeout, state: wanted } = body.data;
    if (display_name !== undefined) endpoint.display_name = display_name;
    if (autoscaling) endpoint.autoscaling = autoscaling;
    if (inactive_timeout !== undefined) endpoint.inactive_timeout = inactive_timeout;
    const heading = endpoint.plan.at(-1)?.state ?? endpoint.state;
    if (wanted === "STOPPED" && heading !== "STOPPED" && state.ignoreNextStops > 0) {
      // A stop that doesn't hold (/_sim/stops/ignore-next): acknowledged, the endpoint keeps running.
      state.ignoreNextStops--;
      return c.json(endpointView(endpoint));
    }
    if (wanted) requestState(state, endpoint, wanted);
    return c.json(endpointView(endpoint));
  });

  app.delete("/endpoints/:endpointId", (c) => {
    const endpoint = liveEndpoint(state, c.req.param("endpointId"));
    if (!endpoint) return fail(c, 404, notFound(c.req.param("endpointId")), { code: "not_found" });
    if (state.ignoreNextDeletes > 0) {
      // A delete that doesn't happen (/_sim/deletes/ignore-next): acknowledged, the endpoint stays.
      state.ignoreNextDeletes--;
      return c.body(null, 204);
    }
    endpoint.deleted = true;
    endpoint.plan = [];
    return c.body(null, 204);
  });

  return app;
}
