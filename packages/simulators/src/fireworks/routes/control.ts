import { Hono } from "hono";
import * as z from "zod";
import { mountControl } from "../../shared/control";
import type { Exchange } from "../../shared/exchanges";
import type { Faults } from "../../shared/faults";
import { advanceDeployedModel, advanceDeployment, deploymentView, findDeployment } from "../deployments";
import { notFound } from "../errors";
import { readBody } from "../http";
import { advanceModel, modelView } from "../models";
import { defaultSteps, type SimState } from "../state";

export const CORRUPT_UPLOAD =
  "invalid model: model.safetensors: header is corrupted (safetensors_rust.SafetensorError)";

/**
 * Test-only surface under `/_sim`, unauthenticated and never part of Fireworks' API: inspect
 * everything, inject faults, fail validations and deployments, move the clock, reset.
 */
export function controlRoutes(state: SimState, faults: Faults, exchanges: Exchange[]) {
  const app = new Hono();
  const clock = () => ({
    now: new Date(state.now()).toISOString(),
    offsetMs: state.offsetMs,
    timeScale: state.timeScale,
  });

  app.get("/state", (c) => {
    const deployments = [...state.deployments.values()].map((d) => advanceDeployment(state, d));
    return c.json({
      account: state.account,
      models: [...state.models.values()].map((m) => ({
        ...modelView(advanceModel(state, m)),
        files: Object.fromEntries(
          Object.entries(m.files).map(([k, f]) => [k, { size: f.size, received: f.received }]),
        ),
      })),
      deployments: deployments.map((d) => deploymentView(state, d)),
      deployedModels: [...state.deployedModels.values()].map((m) => advanceDeployedModel(state, m)),
      calls: state.calls,
      faults: faults.view(),
      failNextValidations: state.failNextValidations.length,
      ignoreNextStops: state.ignoreNextStops,
      clock: clock(),
    });
  });

  mountControl(app, {
    faults,
    exchanges,
    reset: () => state.reset(),
    readBody,
    casing: "camelCase",
    exchangesKey: "exchanges",
  });

  app.post("/uploads/fail-next", async (c) => {
    const body = await readBody(
      c,
      z.object({ count: z.number().int().min(1).default(1), message: z.string().optional() }),
    );
    if (!body.ok) return body.response;
    for (let i = 0; i < body.data.count; i++)
      state.failNextValidations.push(body.data.message ?? CORRUPT_UPLOAD);
    return c.json({ failNextValidations: state.failNextValidations.length });
  });

  app.post("/deployments/:id/fail", async (c) => {
    const d = findDeployment(state, c.req.param("id"));
    if (!d || d.state === "DELETED") return notFound(c, "deployment", c.req.param("id"));
    const body = await readBody(
      c,
      z.object({ message: z.string().default("replica failed to start: CUDA error: out of memory") }),
    );
    if (!body.ok) return body.response;
    Object.assign(d, {
      state: "FAILED",
      status: { code: "INTERNAL", message: body.data.message },
      rollout: undefined,
    });
    return c.json(deploymentView(state, d));
  });

  /** Step durations in ms before `timeScale`; omitted steps keep theirs, `defaults: true` restores all first. */
  app.post("/steps", async (c) => {
    const ms = z.number().min(0).optional();
    const Input = z.object({
      defaults: z.boolean().optional(),
      schedulingMs: ms,
      downloadingMs: ms,
      initializingMs: ms,
      updatingMs: ms,
      deletingMs: ms,
      prepareMs: ms,
      loraDeployMs: ms,
    });
    const body = await readBody(c, Input);
    if (!body.ok) return body.response;
    const { defaults, ...steps } = body.data;
    const previous = state.setSteps({});
    if (defaults) state.setSteps(defaultSteps);
    return c.json({
      previous,
      steps: state.setSteps(Object.fromEntries(Object.entries(steps).filter(([, v]) => v !== undefined))),
    });
  });

  /** The next `count` stops are acknowledged and not done: the deployment keeps its replicas. */
  app.post("/stops/ignore-next", async (c) => {
    const body = await readBody(c, z.object({ count: z.number().int().min(0).default(1) }));
    if (!body.ok) return body.response;
    state.ignoreNextStops = body.data.count;
    return c.json({ ignoreNextStops: state.ignoreNextStops });
  });

  /** The next `count` deletes are acknowledged and not done: the deployment stays listed. */
  app.post("/deletes/ignore-next", async (c) => {
    const body = await readBody(c, z.object({ count: z.number().int().min(0).default(1) }));
    if (!body.ok) return body.response;
    state.ignoreNextDeletes = body.data.count;
    return c.json({ ignoreNextDeletes: state.ignoreNextDeletes });
  });

  /** Moves simulated time forward by `seconds` of Fireworks time (scaled like every other duration). */
  app.post("/clock", async (c) => {
    const body = await readBody(c, z.object({ seconds: z.number().min(0) }));
    if (!body.ok) return body.response;
    state.offsetMs += state.seconds(body.data.seconds);
    return c.json(clock());
  });

  return app;
}
