import type { DeploymentAutoscaling } from "together-ai/resources/beta/endpoints/endpoints";

/**
 * The bounds after an update: fields of `given` the mask selects (all of them without a mask or
 * with `autoscaling`) replace the current ones; omitted min/max keep their value (SDK comment).
 */
export function mergeAutoscaling(
  current: DeploymentAutoscaling,
  given: DeploymentAutoscaling,
  paths: string[] | undefined,
): DeploymentAutoscaling {
  const whole = !paths || paths.includes("autoscaling");
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined && (whole || paths.includes(`autoscaling.${key}`))) next[key] = value;
  }
  return next as DeploymentAutoscaling;
}

/** Why these bounds are refused, in Together's words where it has them; undefined when fine. */
export function boundsProblem(a: DeploymentAutoscaling): string | undefined {
  const min = a.minReplicas ?? 0;
  const max = a.maxReplicas ?? min;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < 0)
    return "autoscaling.minReplicas and autoscaling.maxReplicas must be non-negative integers";
  if (min === 0 && max > 0)
    return "autoscaling.minReplicas must be at least 1 when maxReplicas is positive; set both to 0 to stop the deployment";
  if (max < min) return "autoscaling.maxReplicas must be greater than or equal to autoscaling.minReplicas";
  return undefined;
}

/** On create, minReplicas defaults to 1 and maxReplicas to minReplicas. */
export function withDefaults(a: DeploymentAutoscaling): DeploymentAutoscaling {
  const min = a.minReplicas ?? 1;
  return { ...a, minReplicas: min, maxReplicas: a.maxReplicas ?? min };
}
