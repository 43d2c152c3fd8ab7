import { type Context, Hono } from "hono";
import type { DeploymentAutoscaling } from "together-ai/resources/beta/endpoints/endpoints";
import * as z from "zod";
import type { SimState } from "../../state";
import { boundsProblem, mergeAutoscaling, withDefaults } from "../autoscaling";
import {
  advanceDeployments,
  deploymentView,
  type SimDeployment,
  scaleDeployment,
  settle,
  stopDeployment,
} from "../deployments";
import { touch } from "../endpoints";
import { alreadyExists, FAILED_PRECONDITION, notFound, readV2Body, staleEtag, v2fail } from "../errors";
import { emit } from "../events";
import { offeredRegions, regions } from "../hardware";
import { newEtag, newId } from "../ids";
import { parseMask, populated } from "../mask";
import { pageOf } from "../page";
import { resolveDeployable } from "../resolve";
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

export const TERMINAL =
  "the deployment is in a terminal FAILED state and cannot be restarted; create a new deployment";
export const NOT_STOPPED = "the deployment must be stopped before it can be restarted";
export const IN_SPLIT =
  "the deployment is referenced by an endpoint's traffic split and cannot be deleted; please drop traffic split weight to 0 before deleting the deployment";

const NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,62})$/;

function find(state: SimState, c: Context): SimDeployment | undefined {
  advanceDeployments(state);
  const d = state.v2.deployments.get(c.req.param("deploymentId") ?? "");
  return d && d.endpointId === c.req.param("endpointId") ? d : undefined;
}

/** Endpoint-scoped deployment routes, mounted under `/projects/:projectId/endpoints/:endpointId`. */
export function deploymentRoutes(state: SimState) {
  const app = new Hono();
  const slug = () => state.v2.project.slug;

  app.use("/deployments/*", async (c, next) => {
    if (!state.v2.endpoints.has(c.req.param("endpointId") ?? ""))
      return notFound(c, "endpoint", c.req.param("endpointId") ?? "");
    await next();
  });
  app.use("/deployments", async (c, next) => {
    if (!state.v2.endpoints.has(c.req.param("endpointId") ?? ""))
      return notFound(c, "endpoint", c.req.param("endpointId") ?? "");
    await next();
  });

  app.get("/deployments", (c) => {
    advanceDeployments(state);
    const all = [...state.v2.deployments.values()]
      .filter((d) => d.endpointId === c.req.param("endpointId"))
      .sort((a, b) => b.createdAt - a.createdAt);
    return c.json(
      pageOf(
        c,
        all.map((d) => deploymentView(state, d)),
      ),
    );
  });

  app.post("/deployments", async (c) => {
    const endpointId = c.req.param("endpointId") ?? "";
    const body = await readV2Body(c, Create);
    if (!body.ok) return body.response;
    const input = body.data;
    const endpoint = state.v2.endpoints.get(endpointId)!;
    const prefix = `${slug()}/${endpoint.name}/`;
    const name = input.name.startsWith(prefix) ? input.name.slice(prefix.length) : input.name;
    if (!NAME.test(name))
      return v2fail(c, 400, `invalid name: ${input.name}; use letters, digits, '.', '_' or '-'`);
    advanceDeployments(state);
    const siblings = [...state.v2.deployments.values()].filter((d) => d.endpointId === endpointId);
    if (siblings.some((d) => d.name === name)) return alreadyExists(c);
    const autoscaling = withDefaults(input.autoscaling as DeploymentAutoscaling);
    const problem = boundsProblem(autoscaling);
    if (problem) return v2fail(c, 400, problem);
    const resolved = resolveDeployable(state, input);
    if (!resolved.ok) return v2fail(c, resolved.status, resolved.message);
    const type = resolved.config.type;
    const inline = input.placement && "inline" in input.placement ? input.placement.inline : undefined;
    const unknownRegion = inline?.regions?.find((r) => !(regions as readonly string[]).includes(r));
    if (unknownRegion)
      return v2fail(c, 400, `unknown region ${unknownRegion}; regions are ${regions.join(", ")}`);
    const offered = offeredRegions(type, state.v2.capacity);
    if (inline?.constraint === "ENFORCEMENT_REQUIRED" && !inline.regions?.some((r) => offered.includes(r)))
      return v2fail(
        c,
        400,
        `none of the required regions ${inline.regions?.join(", ")} offers ${type.name}; it is offered in ${offered.join(", ")}`,
        FAILED_PRECONDITION,
      );
    const now = state.now();
    const extra = Object.fromEntries(Object.entries(input).filter(([k]) => !known.has(k)));
    const d: SimDeployment = {
      id: newId("dep"),
      endpointId,
      name,
      modelId: resolved.model.id,
      modelProject: resolved.model.projectId,
      revisionId: resolved.revision.id,
      configId: resolved.config.id,
      configProject: resolved.config.model.projectId,
      hardware: type.name,
      autoscaling,
      enableLora: input.enableLora ?? false,
      ...(input.placement ? { placement: input.placement } : {}),
      extra,
      desired: 0,
      scheduled: 0,
      ready: 0,
      state: "DEPLOYMENT_STATE_STOPPED",
      message: "Deployment stopped",
      ops: [],
      createdAt: now,
      updatedAt: now,
      etag: newEtag(),
    };
    if (c.req.query("validateOnly") === "true") return c.json(deploymentView(state, d));
    state.v2.deployments.set(d.id, d);
    emit(state, {
      endpointId,
      deploymentId: d.id,
      type: "deployment.created",
      name: `${prefix}${name}`,
      message: "Deployment created",
    });
    if ((autoscaling.minReplicas ?? 0) > 0) scaleDeployment(state, d);
    else settle(state, d, now);
    return c.json(deploymentView(state, d));
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
    if (etag && etag !== d.etag) return staleEtag(c, "deployment");
    const paths = parseMask(c.req.query("updateMask")) ?? populated(fields);
    if (paths.length === 0) return v2fail(c, 400, "no fields to update");
    const scaling = paths.some((p) => p === "autoscaling" || p.startsWith("autoscaling."));
    const autoscaling = scaling
      ? mergeAutoscaling(
          d.autoscaling,
          (fields.autoscaling ?? {}) as DeploymentAutoscaling,
          parseMask(c.req.query("updateMask")),
        )
      : d.autoscaling;
    const problem = boundsProblem(autoscaling);
    if (problem) return v2fail(c, 400, problem);
    const stop = (autoscaling.maxReplicas ?? 0) === 0;
    const wasStopped = d.desired === 0;
    if (scaling && !stop && d.failure) return v2fail(c, 400, TERMINAL, FAILED_PRECONDITION);
    if (scaling && !stop && wasStopped && d.state !== "DEPLOYMENT_STATE_STOPPED")
      return v2fail(c, 400, NOT_STOPPED, FAILED_PRECONDITION);
    let name = d.name;
    if (paths.includes("name") && fields.name) {
      const prefix = `${fullPrefix(state, d)}/`;
      name = fields.name.startsWith(prefix) ? fields.name.slice(prefix.length) : fields.name;
      if (!NAME.test(name)) return v2fail(c, 400, `invalid name: ${fields.name}`);
      const taken = [...state.v2.deployments.values()].some(
        (o) => o !== d && o.endpointId === d.endpointId && o.name === name,
      );
      if (taken) return alreadyExists(c);
    }
    if (scaling && stop && !wasStopped && state.ignoreNextStops > 0) {
      // A stop the provider acknowledges but never carries out: the answer looks accepted, nothing changes.
      state.ignoreNextStops--;
      const view = deploymentView(state, d);
      return c.json({
        ...view,
        autoscaling,
        desiredReplicas: 0,
        status: { ...view.status, state: "DEPLOYMENT_STATE_STOPPING", message: "Draining replicas" },
      });
    }
    d.name = name;
    d.autoscaling = autoscaling;
    for (const path of paths)
      if (!path.startsWith("autoscaling") && path !== "name")
        d.extra[path] = (fields as Record<string, unknown>)[path];
    touch(state, d);
    emit(state, {
      endpointId: d.endpointId,
      deploymentId: d.id,
      type: "deployment.updated",
      paths,
      message: "Deployment updated",
    });
    if (scaling && stop && !wasStopped && !d.failure) stopDeployment(state, d);
    else if (scaling && !stop) scaleDeployment(state, d);
    return c.json(deploymentView(state, d));
  });

  app.delete("/deployments/:deploymentId", (c) => {
    const d = find(state, c);
    if (!d) return notFound(c, "deployment", c.req.param("deploymentId"));
    const etag = c.req.query("etag");
    if (etag && etag !== d.etag) return staleEtag(c, "deployment");
    if (d.state === "DEPLOYMENT_STATE_STOPPING")
      return v2fail(
        c,
        409,
        "the deployment is still stopping; delete it once it is DEPLOYMENT_STATE_STOPPED",
      );
    if (d.state !== "DEPLOYMENT_STATE_STOPPED" && !d.failure)
      return v2fail(
        c,
        400,
        "the deployment must be stopped before it can be deleted; set minReplicas and maxReplicas to 0 first",
        FAILED_PRECONDITION,
      );
    const endpoint = state.v2.endpoints.get(d.endpointId);
    if (endpoint?.trafficSplit.some((e) => e.deploymentId === d.id && e.weight > 0))
      return v2fail(c, 400, IN_SPLIT, FAILED_PRECONDITION);
    if (endpoint?.trafficSplit.some((e) => e.deploymentId === d.id)) {
      endpoint.trafficSplit = endpoint.trafficSplit.filter((e) => e.deploymentId !== d.id);
      touch(state, endpoint);
    }
    state.v2.deployments.delete(d.id);
    state.v2.adapters.delete(d.id);
    emit(state, {
      endpointId: d.endpointId,
      deploymentId: d.id,
      type: "deployment.deleted",
      name: `${fullPrefix(state, d)}/${d.name}`,
      message: "Deployment deleted",
    });
    return c.json({});
  });

  app.route("/deployments/:deploymentId", adapterRoutes(state));
  return app;
}

function fullPrefix(state: SimState, d: SimDeployment): string {
  return `${state.v2.project.slug}/${state.v2.endpoints.get(d.endpointId)?.name ?? ""}`;
}
