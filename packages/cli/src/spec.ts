import type { components } from "@hangar/sdk";

type Schedule = NonNullable<components["schemas"]["Deployment"]["schedule"]>;

/** What `hangar deploy` flags and `hangar apply` entries both describe. */
export type DeploySpec = {
  name?: string;
  provider: "together" | "fireworks";
  model: string;
  hardware?: string;
  type?: "model" | "adapter";
  base?: string;
  baseDeployment?: string;
  minReplicas?: number;
  maxReplicas?: number;
  idleTimeout?: number | null;
  schedule?: Schedule | null;
};

/** The API's create body for a spec; the server validates the rest and says what is wrong. */
export function toCreate(spec: DeploySpec) {
  const min = spec.minReplicas ?? 1;
  return {
    ...(spec.name ? { name: spec.name } : {}),
    provider: spec.provider,
    model: {
      source: spec.model,
      type: spec.type ?? (spec.base || spec.baseDeployment ? ("adapter" as const) : ("model" as const)),
      ...(spec.base ? { baseModel: spec.base } : {}),
      ...(spec.baseDeployment ? { baseDeploymentId: spec.baseDeployment } : {}),
    },
    ...(spec.hardware ? { hardware: spec.hardware } : {}),
    autoscaling: { minReplicas: min, maxReplicas: Math.max(spec.maxReplicas ?? min, min) },
    ...(spec.idleTimeout !== undefined ? { idleTimeoutMinutes: spec.idleTimeout } : {}),
    ...(spec.schedule !== undefined ? { schedule: spec.schedule } : {}),
  };
}
