import { parseDuration } from "@hangar/core/providers/fireworks/format";
import { precisions } from "@hangar/core/providers/fireworks/provider";
import { Hono } from "hono";
import * as z from "zod";
import { acceleratorTypes, catalogModel, hardwareProblem } from "../catalog";
import {
  advanceDeployment,
  defaultPolicy,
  deploymentView,
  desiredFor,
  findDeployment,
  type SimDeployment,
  scaleTo,
} from "../deployments";
import { notFound, rpcError } from "../errors";
import { paginate, readBody, splitVerb, validId } from "../http";
import { advanceModel, nativePrecisions } from "../models";
import type { SimState } from "../state";
import { applyPatch, Policy } from "./patch";

const Create = z.looseObject({
  baseModel: z.string({ error: "base_model is required" }).min(1),
  displayName: z.string().max(63, "display_name must be fewer than 64 characters").optional(),
  minReplicaCount: z.number().int().min(0).default(0),
  maxReplicaCount: z.number().int().min(0).optional(),
  acceleratorType: z.enum(acceleratorTypes).optional(),
  acceleratorCount: z.number().int().min(1).optional(),
  precision: z.enum(precisions).optional(),
  deploymentShape: z.string().optional(),
  enableAddons: z.boolean().default(false),
  autoscalingPolicy: Policy.optional(),
});
type Create = z.infer<typeof Create>;

/** Undefined when the base model may be deployed like this, else Fireworks' refusal. */
function refusal(
  state: SimState,
  body: Create,
): { code: "INVALID_ARGUMENT" | "FAILED_PRECONDITION" | "NOT_FOUND"; message: string } | undefined {
  if (body.deploymentShape && body.acceleratorType)
    return {
      code: "INVALID_ARGUMENT",
      message: "invalid deployment: set either deployment_shape or accelerator_type, not both",
    };
  const type = body.acceleratorType ?? "NVIDIA_A100_80GB";
  const count = body.acceleratorCount ?? 1;
  const catalog = catalogModel(body.baseModel);
  if (catalog) {
    const problem = hardwareProblem(catalog, type, count);
    return problem ? { code: "INVALID_ARGUMENT", message: problem } : undefined;
  }
  const prefix = `accounts/${state.account}/models/`;
  const model = body.baseModel.startsWith(prefix)
    ? state.models.get(body.baseModel.slice(prefix.length))
    : undefined;
  if (!model) return { code: "NOT_FOUND", message: `model ${body.baseModel} not found` };
  advanceModel(state, model);
  if (model.state !== "READY")
    return {
      code: "FAILED_PRECONDITION",
      message: `FAILED_PRECONDITION: model ${model.name} is not ready (state ${model.state})`,
    };
  const precision = body.precision;
  if (precision && !nativePrecisions.includes(precision) && !model.supportedPrecisions.includes(precision))
    return {
      code: "FAILED_PRECONDITION",
      message: `FAILED_PRECONDITION: model ${model.name} is not prepared for precision ${precision}; call :prepare first`,
    };
  return undefined;
}

export function deploymentRoutes(state: SimState) {
  const app = new Hono();

  app.post("/deployments", async (c) => {
    const body = await readBody(c, Create);
    if (!body.ok) return body.response;
    const id = c.req.query("deploymentId") ?? Math.random().toString(36).slice(2, 10).replace(/^\d/, "d");
    if (!validId(id))
      return rpcError(c, "INVALID_ARGUMENT", `invalid resource: deployment ID "${id}" is invalid`);
    if (state.deployments.has(id)) return rpcError(c, "ALREADY_EXISTS", "deployment ID already exists");
    const { minReplicaCount: min, maxReplicaCount: max = Math.max(min, 1) } = body.data;
    if (min > max)
      return rpcError(
        c,
        "INVALID_ARGUMENT",
        "invalid deployment: min_replica_count must not exceed max_replica_count",
      );
    const policyProblem = checkPolicy(body.data.autoscalingPolicy);
    if (policyProblem) return rpcError(c, "INVALID_ARGUMENT", policyProblem);
    const refused = refusal(state, body.data);
    if (refused) return rpcError(c, refused.code, refused.message);
    const now = state.now();
    const d: SimDeployment = {
      id,
      name: `accounts/${state.account}/deployments/${id}`,
      displayName: body.data.displayName,
      baseModel: body.data.baseModel,
      state: "CREATING",
      status: { code: "OK", message: "" },
      minReplicaCount: min,
      maxReplicaCount: max,
      replicaCount: 0,
      acceleratorType: body.data.acceleratorType ?? "NVIDIA_A100_80GB",
      acceleratorCount: body.data.acceleratorCount ?? 1,
      precision: body.data.precision,
      enableAddons: body.data.enableAddons,
      autoscalingPolicy: { ...defaultPolicy, ...body.data.autoscalingPolicy },
      createTime: now,
      updateTime: now,
      lastActivity: now,
    };
    if (c.req.query("validateOnly") === "true") return c.json(deploymentView(state, d));
    state.deployments.set(id, d);
    scaleTo(state, d, desiredFor(d, true));
    if (!d.rollout) d.rollout = { from: 0, to: 0, start: now, end: now + state.step("schedulingMs") };
    return c.json(deploymentView(state, d));
  });

  app.get("/deployments", (c) => {
    const showDeleted = c.req.query("showDeleted") === "true";
    const all = [...state.deployments.values()].map((d) => advanceDeployment(state, d));
    const visible = all.filter((d) => state.deployments.has(d.id) && (showDeleted || d.state !== "DELETED"));
    visible.sort((a, b) => a.createTime - b.createTime);
    return c.json(
      paginate(
        c,
        visible.map((d) => deploymentView(state, d)),
        "deployments",
        state.maxPageSize,
      ),
    );
  });

  app.get("/deployments/:segment", (c) => {
    const [id, verb] = splitVerb(c.req.param("segment"));
    const d = findDeployment(state, id);
    if (!d || verb) return notFound(c, "deployment", `accounts/${state.account}/deployments/${id}`);
    return c.json(deploymentView(state, d));
  });

  app.patch("/deployments/:segment", async (c) => {
    const [id, verb] = splitVerb(c.req.param("segment"));
    const d = findDeployment(state, id);
    if (!d || d.state === "DELETED" || d.state === "DELETING")
      return notFound(c, "deployment", `accounts/${state.account}/deployments/${id}`);
    if (verb === "scale") {
      const body = await readBody(c, z.object({ replicaCount: z.number().int().min(0).default(0) }));
      if (!body.ok) return body.response;
      if (body.data.replicaCount === 0 && state.ignoreNextStops > 0) {
        state.ignoreNextStops--;
        return c.json({});
      }
      scaleTo(state, d, Math.min(body.data.replicaCount, d.maxReplicaCount));
      return c.json({});
    }
    if (verb) return rpcError(c, "NOT_FOUND", `unknown method ${verb}`);
    return applyPatch(c, state, d, checkPolicy);
  });

  app.delete("/deployments/:segment", (c) => {
    const id = c.req.param("segment");
    const d = findDeployment(state, id);
    if (!d || d.state === "DELETED")
      return notFound(c, "deployment", `accounts/${state.account}/deployments/${id}`);
    if (d.state !== "DELETING" && state.ignoreNextDeletes > 0) {
      // A delete that doesn't happen (/_sim/deletes/ignore-next): acknowledged, the deployment stays.
      state.ignoreNextDeletes--;
      return c.json({});
    }
    if (d.state !== "DELETING") {
      d.state = "DELETING";
      d.rollout = undefined;
      d.deleteAt = state.now() + state.step("deletingMs");
      d.hard = c.req.query("hard") === "true";
      for (const [key, m] of state.deployedModels)
        if (m.deployment === d.name) state.deployedModels.delete(key);
    }
    return c.json({});
  });

  app.post("/deployments/:segment", async (c) => {
    const [id, verb] = splitVerb(c.req.param("segment"));
    const d = findDeployment(state, id);
    if (!d || verb !== "undelete")
      return notFound(c, "deployment", `accounts/${state.account}/deployments/${id}`);
    if (d.state !== "DELETED")
      return rpcError(c, "FAILED_PRECONDITION", `deployment ${d.name} is not deleted`);
    Object.assign(d, {
      state: "READY",
      replicaCount: 0,
      deleteTime: undefined,
      deleteAt: undefined,
      lastActivity: state.now(),
    });
    return c.json(deploymentView(state, d));
  });

  return app;
}

/** Fireworks' documented bounds: scale-up and scale-down windows ≤ 1 h, scale to zero ≥ 5 min. */
function checkPolicy(policy?: z.infer<typeof Policy>): string | undefined {
  for (const [field, value] of Object.entries(policy ?? {})) {
    const seconds = parseDuration(value);
    if (seconds === undefined)
      return `invalid autoscaling policy: ${field} "${value}" is not a duration like "300s"`;
    if (field === "scaleToZeroWindow" && seconds < 300)
      return "invalid autoscaling policy: scale_to_zero_window must be at least 5 minutes";
    if (field !== "scaleToZeroWindow" && seconds > 3600)
      return `invalid autoscaling policy: ${field} must be at most 1 hour`;
  }
  return undefined;
}
