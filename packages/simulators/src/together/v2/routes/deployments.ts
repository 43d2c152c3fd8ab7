import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { DeploymentAutoscaling } from "together-ai/resources/beta/endpoints/endpoints";
import * as z from "zod";
import type { SimState } from "../../state";
import {
  advanceDeployments,
  deploymentView,
  fullName,
  modelResource,
  type SimDeployment,
} from "../deployments";
import { notFound, readV2Body, refusal, v2fail } from "../errors";
import { matchesFilter, parseListFilter, parseOrderBy, sortBy } from "../filter";
import { parseMask, populated } from "../mask";
import { pageOf } from "../page";
import { createDeployment, deleteDeployment, type UpdateInput, updateDeployment } from "../writes";
import { adapterRoutes } from "./adapters";

const Autoscaling = z.looseObject({
  minReplicas: z.number().optional(),
  maxReplicas: z.number().optional(),
});

const Placement = z.union([
  z.object({
    inline: z.looseObject({
      regions: z.array(z.string()).optional(),
      constraint: z.enum(["ENFORCEMENT_REQUIRED", "ENFORCEMENT_PREFERRED"]).optional(),
      compliancePolicy: z.object({ hipaa: z.boolean().optional() }).optional(),
    }),
  }),
  z.object({ profile: z.string() }),
]);

const Create = z.looseObject({
  name: z.string({ error: "name is required" }).min(1),
  autoscaling: Autoscaling,
  model: z.string().optional(),
  modelId: z.string().optional(),
  modelRevisionId: z.string().optional(),
  config: z.string().optional(),
  configId: z.string().optional(),
  enableLora: z.boolean().optional(),
  placement: Placement.optional(),
});

const Update = z.looseObject({
  etag: z.string().optional(),
  name: z.string().optional(),
  autoscaling: Autoscaling.optional(),
});

const known = new Set(Object.keys(Create.shape));

function find(state: SimState, c: Context): SimDeployment | undefined {
  advanceDeployments(state);
  const d = state.v2.deployments.get(c.req.param("deploymentId") ?? "");
  return d && d.endpointId === c.req.param("endpointId") ? d : undefined;
}

/** Endpoint-scoped deployment routes, mounted under `/projects/:projectId/endpoints/:endpointId`. */
export function deploymentRoutes(state: SimState) {
  const app = new Hono();

  const endpointExists: MiddlewareHandler = async function endpointExists(c, next) {
    const id = c.req.param("endpointId") ?? "";
    if (!state.v2.endpoints.has(id)) return notFound(c, "endpoint", id);
    await next();
  };
  app.use("/deployments", endpointExists);
  app.use("/deployments/*", endpointExists);

  app.get("/deployments", (c) => {
    const filter = parseListFilter(c.req.query("filter"));
    if (filter === "invalid") return v2fail(c, 400, "invalid filter expression");
    const order = parseOrderBy(c.req.query("orderBy"));
    if (!order)
      return v2fail(
        c,
        400,
        "invalid orderBy; use created_at or updated_at, optionally followed by asc or desc",
      );
    advanceDeployments(state);
    const fields = (d: SimDeployment) => ({
      name: [d.name, fullName(state, d)],
      state: [d.state, d.state.replace("DEPLOYMENT_STATE_", "")],
      model: [modelResource(d), `projects/${d.modelProject}/models/${d.modelId}`, d.modelId],
      created_at: d.createdAt,
      updated_at: d.updatedAt,
    });
    const all = [...state.v2.deployments.values()].filter(
      (d) => d.endpointId === c.req.param("endpointId") && matchesFilter(filter, fields(d)),
    );
    return c.json(
      pageOf(
        c,
        sortBy(all, order).map((d) => deploymentView(state, d)),
      ),
    );
  });

  app.post("/deployments", async (c) => {
    const body = await readV2Body(c, Create);
    if (!body.ok) return body.response;
    const endpoint = state.v2.endpoints.get(c.req.param("endpointId") ?? "");
    if (!endpoint) return notFound(c, "endpoint", c.req.param("endpointId") ?? "");
    const { placement, autoscaling, ...rest } = body.data;
    const extra = Object.fromEntries(Object.entries(body.data).filter(([k]) => !known.has(k)));
    const input = {
      ...rest,
      autoscaling: autoscaling as DeploymentAutoscaling,
      ...(placement ? { placement } : {}),
      extra,
    };
    const created = createDeployment(state, endpoint, input, c.req.query("validateOnly") === "true");
    if (!created.ok) return refusal(c, created);
    return c.json(deploymentView(state, created.value));
  });

  app.get("/deployments/:deploymentId", (c) => {
    const d = find(state, c);
    if (!d) return notFound(c, "deployment", c.req.param("deploymentId"));
    return c.json(deploymentView(state, d));
  });

  app.patch("/deployments/:deploymentId", async (c) => {
    const d = find(state, c);
    if (!d) return notFound(c, "deployment", c.req.param("deploymentId"));
    const body = await readV2Body(c, Update);
    if (!body.ok) return body.response;
    const { etag, ...fields } = body.data;
    const mask = parseMask(c.req.query("updateMask"));
    const input = {
      paths: mask ?? populated(fields),
      masked: mask !== undefined,
      fields: fields as UpdateInput["fields"],
    };
    const updated = updateDeployment(state, d, { ...input, ...(etag ? { etag } : {}) });
    if (!updated.ok) return refusal(c, updated);
    return c.json(updated.value);
  });

  app.delete("/deployments/:deploymentId", (c) => {
    const d = find(state, c);
    if (!d) return notFound(c, "deployment", c.req.param("deploymentId"));
    const deleted = deleteDeployment(state, d, c.req.query("etag"));
    if (!deleted.ok) return refusal(c, deleted);
    return c.json({});
  });

  app.route("/deployments/:deploymentId", adapterRoutes(state));
  return app;
}
