import type { AdapterStatus, EndpointState, EndpointStatus, UploadStatus } from "../../src/provider";
import { hardwareId } from "./hardware";
import { lastSegment } from "./ids";
import type { Wire } from "./wire";

/**
 * Fireworks deployment states onto ours. A stop is a scale to zero that stays (min = max = 0),
 * so READY alone does not mean running:
 * - READY with max > 0 is running, even at 0 replicas (scaled to zero, it wakes on a request);
 * - READY with max = 0 is stopped once the replicas are gone, stopping until then;
 * - UPDATING is stopping when the update heads to max = 0, pending otherwise;
 * - DELETING is stopping: it no longer serves and is on its way out; DELETED (like a 404) is
 *   reported by `getEndpoint` as undefined, never through this table.
 */
export function endpointState(
  deployment: Pick<Wire.Deployment, "state" | "maxReplicaCount" | "replicaCount">,
) {
  const stopping = deployment.maxReplicaCount === 0;
  switch (deployment.state) {
    case "CREATING":
      return "pending";
    case "UPDATING":
      return stopping ? "stopping" : "pending";
    case "READY":
      if (!stopping) return "running";
      return deployment.replicaCount === 0 ? "stopped" : "stopping";
    case "FAILED":
      return "failed";
    case "DELETING":
      return "stopping";
    default:
      return "unknown" satisfies EndpointState;
  }
}

/** `READY(replicas=0/0)`: the state with current/max replicas, for humans. */
export function rawDeploymentState(deployment: Wire.Deployment): string {
  return `${deployment.state}(replicas=${deployment.replicaCount}/${deployment.maxReplicaCount ?? 0})`;
}

export function toEndpointStatus(deployment: Wire.Deployment): EndpointStatus {
  const { acceleratorType, acceleratorCount } = deployment;
  return {
    id: lastSegment(deployment.name),
    name: deployment.name,
    state: endpointState(deployment),
    raw: rawDeploymentState(deployment),
    hardware: acceleratorType
      ? hardwareId({ acceleratorType, acceleratorCount: acceleratorCount ?? 1 })
      : undefined,
    autoscaling: { minReplicas: deployment.minReplicaCount, maxReplicas: deployment.maxReplicaCount ?? 0 },
    displayName: deployment.displayName,
    // Ready replicas where Fireworks breaks them out; else every replica it runs.
    readyReplicas: deployment.replicaStats?.readyReplicaCount ?? deployment.replicaCount,
  };
}

const failedStatus = (status?: Wire.Status) => status?.code !== undefined && status.code !== "OK";

/** UPLOADING → pending, READY → complete; anything else, or a failed status, is failed with its message. */
export function uploadState(model: Pick<Wire.Model, "state" | "status">): UploadStatus["state"] {
  if (failedStatus(model.status)) return "failed";
  if (model.state === "UPLOADING") return "pending";
  if (model.state === "READY") return "complete";
  return "failed";
}

export function toUploadStatus(model: Wire.Model): UploadStatus {
  const message = model.status?.message || undefined;
  return {
    jobId: lastSegment(model.name),
    modelName: model.name,
    state: uploadState(model),
    raw: model.state,
    message,
  };
}

const adapterStates: Record<string, AdapterStatus["state"]> = {
  DEPLOYING: "pending",
  UPDATING: "pending",
  DEPLOYED: "running",
};

/** `name` is what inference addresses: `<lora model>#<deployment name>`. */
export function toAdapterStatus(
  deployed: Wire.DeployedModel,
  fallback: { model: string; deployment: string },
) {
  const state = failedStatus(deployed.status) ? "failed" : (adapterStates[deployed.state] ?? "unknown");
  return {
    id: lastSegment(deployed.name),
    name: `${deployed.model ?? fallback.model}#${deployed.deployment ?? fallback.deployment}`,
    state,
    raw: deployed.state,
  } satisfies AdapterStatus;
}
