import { Hono } from "hono";
import type { HardwareListResponse } from "together-ai/resources/beta/endpoints/hardware";
import type { SimState } from "../../state";
import { supportedModelView } from "../configs";
import { advanceDeployments, usedGpus } from "../deployments";
import { notFound } from "../errors";
import { type InstanceType, instanceType, instanceTypes, instanceTypeView } from "../hardware";
import { platformModels } from "../models";
import { pageOf } from "../page";

/** Project-free catalogue routes: instance types with live headroom, and the supported models. */
export function catalogRoutes(state: SimState) {
  const app = new Hono();
  const view = (type: InstanceType) =>
    instanceTypeView(type, state.v2.capacity, (region) => usedGpus(state, type.accelerator, region));

  app.get("/public/inference-instance-types", (c) => {
    advanceDeployments(state);
    return c.json({ object: "list", data: instanceTypes.map(view) } satisfies HardwareListResponse);
  });

  app.get("/public/inference-instance-types/:id", (c) => {
    const type = instanceType(c.req.param("id"));
    if (!type) return notFound(c, "instance type", c.req.param("id"));
    advanceDeployments(state);
    return c.json(view(type));
  });

  app.get("/supported-models", (c) => {
    const search = c.req.query("search")?.toLowerCase();
    const product = c.req.query("product");
    const all = platformModels(state)
      .map((m) => supportedModelView(state, m))
      .filter(
        (m) =>
          !search || m.name.toLowerCase().includes(search) || m.displayName.toLowerCase().includes(search),
      )
      .filter((m) => !product || (m.products as string[]).includes(product));
    return c.json(pageOf(c, all));
  });

  app.get("/supported-models/:id", (c) => {
    const id = c.req.param("id");
    const model = platformModels(state)
      .map((m) => supportedModelView(state, m))
      .find((m) => m.id === id || m.name === id);
    if (!model) return notFound(c, "supported model", id);
    return c.json(model);
  });

  return app;
}
