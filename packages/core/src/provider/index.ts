/**
 * What core knows of an inference provider. Each provider folder maps its own wire types and
 * states onto these; nothing outside that folder sees the provider's shapes.
 */
export type ProviderName = "together";
export const providerNames = ["together"] as const satisfies readonly ProviderName[];

export type ModelSpec = {
  /** `hf://org/repo`, `s3://bucket/key`, `https://…` (an archive URL), or a provider model name. */
  source: string;
  type: "model" | "adapter";
  baseModel?: string;
  hfToken?: string;
};

export type Autoscaling = { minReplicas: number; maxReplicas: number };

export type UploadStatus = {
  jobId: string;
  /** The name to deploy once the upload completes. */
  modelName: string;
  state: "pending" | "running" | "complete" | "failed";
  /** The provider's own status string, kept next to ours. */
  raw: string;
  message?: string;
};

export type EndpointState = "pending" | "running" | "stopping" | "stopped" | "failed" | "unknown";

export type EndpointStatus = {
  id: string;
  /** The name inference calls address (Together: `owner/model-xxxxxxxx`). */
  name: string;
  state: EndpointState;
  raw: string;
  hardware?: string;
  autoscaling?: Autoscaling;
  displayName?: string;
};

export type Hardware = {
  id: string;
  provider: ProviderName;
  gpu: { type: string; count: number; memoryGb: number; link?: string };
  pricePerHour: number;
  priceSource: "provider" | "table";
  priceAsOf?: string;
  availability: "available" | "insufficient" | "unavailable" | "unknown";
};

export type ChatRequest = Record<string, unknown> & { messages: unknown[]; stream?: boolean };

export type CreateEndpointInput = {
  deploymentId: string;
  /** Unique per deployment (and per replacement), so an earlier attempt can be found again. */
  displayName: string;
  model: string;
  hardware: string;
  autoscaling: Autoscaling;
  inactiveTimeoutMinutes?: number;
};

export interface Provider {
  readonly name: ProviderName;
  /** True when the source must be uploaded first; false for a model the provider already serves. */
  needsUpload(model: ModelSpec): boolean;
  /** An upload an earlier attempt for this deployment started, if any. */
  findUpload(ref: { deploymentId: string }): Promise<UploadStatus | undefined>;
  startUpload(input: { deploymentId: string; model: ModelSpec }): Promise<UploadStatus>;
  getUpload(jobId: string): Promise<UploadStatus>;
  /** An endpoint an earlier attempt created with this display name, if any. */
  findEndpoint(ref: { displayName: string; model: string }): Promise<EndpointStatus | undefined>;
  createEndpoint(input: CreateEndpointInput): Promise<EndpointStatus>;
  /** Undefined when the provider no longer knows the endpoint. */
  getEndpoint(id: string): Promise<EndpointStatus | undefined>;
  updateEndpoint(id: string, input: { autoscaling: Autoscaling }): Promise<EndpointStatus>;
  startEndpoint(id: string): Promise<EndpointStatus>;
  stopEndpoint(id: string): Promise<EndpointStatus>;
  /** Idempotent: an endpoint already gone counts as deleted. */
  deleteEndpoint(id: string): Promise<void>;
  hardware(input: { model?: string }): Promise<Hardware[]>;
  /** OpenAI-compatible chat completion against an endpoint; the response is passed through as is. */
  chat(input: { endpointName: string; body: ChatRequest; signal?: AbortSignal }): Promise<Response>;
}
