import type { EndpointState, EndpointStatus, Hardware, UploadStatus } from "../../src/provider";
import type { Wire } from "./wire";

/** Together's endpoint states onto ours. FAILED is undocumented but returned by the live API. */
const endpointStates: Record<string, EndpointState> = {
  PENDING: "pending",
  STARTING: "pending",
  STARTED: "running",
  STOPPING: "stopping",
  STOPPED: "stopped",
  ERROR: "failed",
  FAILED: "failed",
};

export function endpointState(raw: string): EndpointState {
  return endpointStates[raw.toUpperCase()] ?? "unknown";
}

const jobStates: Record<string, UploadStatus["state"]> = {
  queued: "pending",
  running: "running",
  complete: "complete",
  failed: "failed",
};

export function jobState(raw: string): UploadStatus["state"] {
  return jobStates[raw.toLowerCase()] ?? "pending";
}

export function toEndpointStatus(endpoint: Wire.Endpoint): EndpointStatus {
  return {
    id: endpoint.id,
    name: endpoint.name,
    state: endpointState(endpoint.state),
    raw: endpoint.state,
    hardware: endpoint.hardware,
    displayName: endpoint.display_name,
    autoscaling: endpoint.autoscaling && {
      minReplicas: endpoint.autoscaling.min_replicas,
      maxReplicas: endpoint.autoscaling.max_replicas,
    },
  };
}

export function toUploadStatus(job: Wire.Job, fallbackModelName = ""): UploadStatus {
  const last = job.status_updates.at(-1);
  return {
    jobId: job.job_id,
    modelName: job.args.modelName ?? fallbackModelName,
    state: jobState(job.status),
    raw: job.status,
    message: last?.message,
  };
}

const availabilities = new Set<Hardware["availability"]>(["available", "insufficient", "unavailable"]);

/** Together prices uptime in cents per minute per replica; core wants dollars per hour. */
export function toHardware(hardware: Wire.Hardware): Hardware {
  const status = hardware.availability?.status as Hardware["availability"] | undefined;
  return {
    id: hardware.id,
    provider: "together",
    gpu: {
      // `gpu_type` carries the memory as a suffix ("h100-80gb"); memory has its own field.
      type: hardware.specs.gpu_type.replace(/-\d+gb$/i, ""),
      count: hardware.specs.gpu_count,
      memoryGb: hardware.specs.gpu_memory,
      link: hardware.specs.gpu_link || undefined,
    },
    pricePerHour: Math.round(hardware.pricing.cents_per_minute * 60) / 100,
    priceSource: "provider",
    priceAsOf: hardware.updated_at,
    availability: status && availabilities.has(status) ? status : "unknown",
  };
}
