import { fieldPaths } from "@hangar/core/providers/fireworks/format";
import type { Context } from "hono";
import * as z from "zod";
import { deploymentView, desiredFor, type SimDeployment, scaleTo } from "../deployments";
import { rpcError } from "../errors";
import { readBody } from "../http";
import type { SimState } from "../state";

export const Policy = z.object({
  scaleUpWindow: z.string().optional(),
  scaleDownWindow: z.string().optional(),
  scaleToZeroWindow: z.string().optional(),
});

const Patch = z.looseObject({
  baseModel: z.string().optional(),
  displayName: z.string().max(63, "display_name must be fewer than 64 characters").optional(),
  minReplicaCount: z.number().int().min(0).optional(),
  maxReplicaCount: z.number().int().min(0).optional(),
  enableAddons: z.boolean().optional(),
  autoscalingPolicy: Policy.optional(),
});
type Patch = z.infer<typeof Patch>;

const camel = (path: string) => path.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());

/** Field paths a PATCH may change; `baseModel` rides along in every body (the spec requires it) but never changes. */
const mutable = new Set([
  "displayName",
  "minReplicaCount",
  "maxReplicaCount",
  "enableAddons",
  "autoscalingPolicy",
  "autoscalingPolicy.scaleUpWindow",
  "autoscalingPolicy.scaleDownWindow",
  "autoscalingPolicy.scaleToZeroWindow",
]);

function read(body: Patch, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);
}

/**
 * With `updateMask` exactly those paths change (a path missing from the body resets the field,
 * as the official SDK warns); without it, the fields present in the body do.
 */
export async function applyPatch(
  c: Context,
  state: SimState,
  d: SimDeployment,
  checkPolicy: (policy?: z.infer<typeof Policy>) => string | undefined,
) {
  const body = await readBody(c, Patch);
  if (!body.ok) return body.response;
  const mask = c.req.query("updateMask");
  const { baseModel: _, ...changes } = body.data;
  const paths = mask ? mask.split(",").map((p) => camel(p.trim())) : fieldPaths(changes);
  const unknown = paths.find((p) => !mutable.has(p));
  if (unknown) return rpcError(c, "INVALID_ARGUMENT", `invalid update mask: ${unknown} cannot be updated`);
  const next = { ...d, autoscalingPolicy: { ...d.autoscalingPolicy } };
  for (const path of paths) {
    const value = read(body.data, path);
    if (path === "autoscalingPolicy") Object.assign(next.autoscalingPolicy, value ?? {});
    else if (path.startsWith("autoscalingPolicy.")) {
      const key = path.slice("autoscalingPolicy.".length) as keyof SimDeployment["autoscalingPolicy"];
      if (typeof value === "string") next.autoscalingPolicy[key] = value;
    } else Object.assign(next, { [path]: value ?? zero(path) });
  }
  if (next.minReplicaCount > next.maxReplicaCount)
    return rpcError(
      c,
      "INVALID_ARGUMENT",
      "invalid deployment: min_replica_count must not exceed max_replica_count",
    );
  const policyProblem = checkPolicy(next.autoscalingPolicy);
  if (policyProblem) return rpcError(c, "INVALID_ARGUMENT", policyProblem);
  if (next.maxReplicaCount === 0 && d.maxReplicaCount !== 0 && state.ignoreNextStops > 0) {
    // A stop that doesn't hold (/_sim/stops/ignore-next): acknowledged, the deployment keeps running.
    state.ignoreNextStops--;
    return c.json(deploymentView(state, d));
  }
  Object.assign(d, next, { updateTime: state.now() });
  if (d.state !== "CREATING") {
    d.state = "UPDATING";
    d.updatingUntil = state.now() + state.step("updatingMs");
  }
  scaleTo(state, d, desiredFor(d));
  return c.json(deploymentView(state, d));
}

const zero = (path: string) => (path === "displayName" ? "" : path === "enableAddons" ? false : 0);
