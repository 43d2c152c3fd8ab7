/**
 * What core knows of an inference provider. Each provider folder maps its own wire types and
 * states onto these; nothing outside that folder sees the provider's shapes.
 */
export const providerNames = ["together", "fireworks"] as const;
export type ProviderName = (typeof providerNames)[number];
/** The providers requests may name: those with a client wired into the registry. */
export const enabledProviders = ["together", "fireworks"] as const satisfies readonly ProviderName[];

/** What Hangar knows of a provider without its client: kept in the provider's folder (`facts.ts`). */
export type ProviderFacts = {
  name: ProviderName;
  /** The env variables its client needs, and the SST secrets that set them on AWS (for messages). */
  env: readonly string[];
  secrets: string;
  /**
   * The OpenAI-compatible chat completions URL clients call, honouring base-URL overrides; for the
   * API generation a deployment lives on where the provider has more than one.
   */
  inferenceUrl(apiVersion?: ApiVersion): string;
  /**
   * Present when the provider measures traffic itself (`Provider.usage`): the account one read
   * covers (undefined when not configured). Crons read it to fan out one activity read per
   * account, and the idle policy to know which deployments rely on it. `covers`: whether a
   * deployment on this API generation is measured (Together: v2 only; absent: every deployment).
   */
  usage?: { account(): string | undefined; covers?(apiVersion: ApiVersion | undefined): boolean };
};

export type ModelSpec = {
  /** `hf://org/repo`, `s3://bucket/key`, `https://…` (an archive URL), or a provider model name. */
  source: string;
  type: "model" | "adapter";
  baseModel?: string;
  hfToken?: string;
  /** Adapters pushed to the provider: the LoRA shape, from the source's `adapter_config.json`. */
  adapter?: LoraShape;
};

export type LoraShape = { rank: number; targetModules: string[] };

export type Autoscaling = { minReplicas: number; maxReplicas: number };

/** One file of a model's source (a Hugging Face repo or an S3 prefix), path relative to its root. */
export type SourceFile = { path: string; size: number };

/** Where Hangar sends one file itself: a signed URL and the headers it requires. */
export type Transfer = {
  path: string;
  size: number;
  url: string;
  method: "PUT";
  headers: Record<string, string>;
};

export type UploadStatus = {
  jobId: string;
  /** The name to deploy once the upload completes. */
  modelName: string;
  state: "pending" | "running" | "complete" | "failed";
  /** The provider's own status string, kept next to ours. */
  raw: string;
  message?: string;
};

/** What a provider can do; core checks requests against it so unsupported options get a clear 422. */
export type Capabilities = {
  /** `pull`: the provider fetches weights from a URL. `push`: Hangar streams each file to a signed URL. */
  upload: "pull" | "push";
  /** Min replicas 0 that wake on a request (distinct from a stop). */
  scaleToZero: boolean;
  /** Precisions a deployment may ask for; empty when the provider doesn't take one. */
  precisions: readonly string[];
  /** Loading a LoRA adapter onto an existing base-model deployment. */
  adapters: boolean;
  /**
   * An adapter deployed on an endpoint of its own, by its base model's name: Fireworks' "live
   * merge". Together serves such adapters only serverless; on dedicated hardware it binds them to
   * an endpoint of their base.
   */
  adapterEndpoints: boolean;
  /** The provider deletes endpoints left stopped (at zero replicas, unused) this long: Fireworks, 7. */
  deletesStoppedAfterDays?: number;
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
  /** Replicas serving now, as the provider reports them (what it bills); absent when it doesn't say. */
  readyReplicas?: number;
  /** Where it runs, when the provider places by region (Together v2). */
  region?: string;
  /** The provider API generation the endpoint lives on, where a provider has more than one. */
  apiVersion?: ApiVersion;
  /**
   * How far a rollout got, where the provider says (Fireworks `replicaStats`; Together v2 its
   * desired, scheduled and ready replica counts): the check cadence narrows its guess with it.
   */
  progress?: Progress;
};

/**
 * The phases a replica goes through before it serves, in order. `phase` is the least advanced
 * phase any wanted replica is in; `fraction` the share of wanted replicas already ready.
 */
export const progressPhases = ["scheduling", "downloading", "initializing", "ready"] as const;
export type ProgressPhase = (typeof progressPhases)[number];
export type Progress = { phase: ProgressPhase; fraction?: number };

/** Together has two API generations (v1 until the end of 2026, v2 current); others have one. */
export type ApiVersion = "v1" | "v2";

/**
 * What the provider itself measured of one endpoint over a window: it sees traffic that never
 * went through Hangar's proxy. Counts are over the whole window asked for.
 */
export type UsageSample = {
  endpointId: string;
  requests: number;
  errors?: number;
  inputTokens?: number;
  outputTokens?: number;
  latencyMs?: { p50?: number; p95?: number; p99?: number };
  replicas?: number;
};

/** One entry of the provider's own feed of what happened to an endpoint (Together v2). */
export type ProviderEvent = {
  /** The provider's id: the same event read twice has the same id. */
  id: string;
  /** When the provider recorded it (ISO 8601). */
  at: string;
  /** The provider's own event type, e.g. `deployment.status_updated`, `deployment.scaled`. */
  type: string;
  level: "debug" | "info" | "warn" | "error";
  message?: string;
  /** What emitted it at the provider (a controller, a cluster). */
  source?: string;
  /** The provider's deployment the event is about, when it is about one. */
  deploymentId?: string;
};

export type Hardware = {
  id: string;
  provider: ProviderName;
  gpu: { type: string; count: number; memoryGb: number; link?: string };
  pricePerHour: number;
  priceSource: "provider" | "table";
  priceAsOf?: string;
  availability: "available" | "insufficient" | "unavailable" | "unknown";
  /** Where it can be placed, when the provider places by region (Together v2). */
  regions?: RegionHeadroom[];
  /** Other ids the provider accepts for it (Together v2: the v1 id of the same GPU and count). */
  aliases?: string[];
};

/** Additional replicas that fit in a region now: `atLeast` when the provider caps the count it tells. */
export type RegionHeadroom = { name: string; headroom: number | null; atLeast: boolean };

/** A base model of the provider's catalogue. */
export type DeployableModel = {
  /** What `model.source` takes to deploy it. */
  id: string;
  displayName?: string;
  type?: string;
  contextLength?: number;
  /** Hardware ids it fits, when the provider's list says; otherwise ask `hardware({ model })`. */
  hardware?: string[];
};

export type ChatRequest = Record<string, unknown> & { messages: unknown[]; stream?: boolean };

export type CreateEndpointInput = {
  deploymentId: string;
  /** Which API generation to create it on (Together); a provider with one ignores it. */
  apiVersion?: ApiVersion;
  /** Region placement, where the provider places by region (Together v2). */
  region?: { name: string; required: boolean };
  /**
   * Another endpoint id of the same deployment (a hardware or model change): a provider that can
   * keep the inference name creates the new one under the same name (Together v2: a new
   * deployment under the same endpoint, routed to once it serves).
   */
  sameNameAs?: string;
  /** Unique per deployment (and per replacement), so an earlier attempt can be found again. */
  displayName: string;
  model: string;
  hardware: string;
  autoscaling: Autoscaling;
  inactiveTimeoutMinutes?: number;
  precision?: string;
  /** With `minReplicas: 0`: scale to zero after this many idle minutes, waking on the next request. */
  scaleToZeroMinutes?: number;
  /** Let adapters be loaded onto this endpoint later. */
  enableAdapters?: boolean;
};

/** A LoRA adapter loaded onto a base endpoint; `name` is what inference calls address. */
export type AdapterStatus = {
  id: string;
  name: string;
  state: "pending" | "running" | "failed" | "unknown";
  raw: string;
};

export interface Provider {
  readonly name: ProviderName;
  readonly capabilities: Capabilities;
  /** True when the source must be uploaded first; false for a model the provider already serves. */
  needsUpload(model: ModelSpec): boolean;
  /**
   * An upload an earlier attempt for this deployment started, if any. `apiVersion`: the
   * generation the deployment will be created on (Together), so its upload goes there too.
   */
  findUpload(ref: { deploymentId: string; apiVersion?: ApiVersion }): Promise<UploadStatus | undefined>;
  /** Push providers get the source's files and answer with where to send them. */
  startUpload(input: {
    deploymentId: string;
    model: ModelSpec;
    files?: SourceFile[];
    apiVersion?: ApiVersion;
  }): Promise<UploadStatus>;
  /** Push only: fresh signed URLs (they expire) for files still to send. */
  uploadTargets?(jobId: string, files: SourceFile[]): Promise<Transfer[]>;
  /** Push only: every file has landed; ask the provider to validate (and prepare a precision). */
  completeUpload?(jobId: string, input: { precision?: string }): Promise<UploadStatus>;
  getUpload(jobId: string): Promise<UploadStatus>;
  /**
   * An endpoint an earlier attempt created with this display name, if any. `since`: nothing
   * created before this instant can be it, so older endpoints need not be looked at.
   */
  findEndpoint(ref: {
    displayName: string;
    model: string;
    since?: string;
    /** The generation the deployment lives on (Together); the provider's default when absent. */
    apiVersion?: ApiVersion;
    /** As in `createEndpoint`: where a replacement under the same name would be. */
    sameNameAs?: string;
  }): Promise<EndpointStatus | undefined>;
  createEndpoint(input: CreateEndpointInput): Promise<EndpointStatus>;
  /** Undefined when the provider no longer knows the endpoint. */
  getEndpoint(id: string): Promise<EndpointStatus | undefined>;
  /**
   * Every live endpoint of the account in one list call (following its pages), where the list
   * carries the same state a single read does: many checks of one account share it (snapshot.ts).
   */
  listEndpoints?(): Promise<EndpointStatus[]>;
  updateEndpoint(id: string, input: { autoscaling: Autoscaling }): Promise<EndpointStatus>;
  /** `autoscaling` is what to restore where a stop was a scale to zero (Fireworks). */
  startEndpoint(id: string, input: { autoscaling: Autoscaling }): Promise<EndpointStatus>;
  stopEndpoint(id: string): Promise<EndpointStatus>;
  /** Idempotent: an endpoint already gone counts as deleted. */
  deleteEndpoint(id: string): Promise<void>;
  /** `apiVersion`: the generation's catalogue (Together), the provider's default when absent. */
  hardware(input: { model?: string; apiVersion?: ApiVersion }): Promise<Hardware[]>;
  /** Base models the provider offers for dedicated deployment (not the account's own uploads). */
  catalogue(): Promise<DeployableModel[]>;
  /** OpenAI-compatible chat completion against an endpoint; the response is passed through as is. */
  chat(input: { endpointName: string; body: ChatRequest; signal?: AbortSignal }): Promise<Response>;
  /** Adapters only (capabilities.adapters): load an uploaded adapter onto a running base endpoint. */
  loadAdapter?(input: {
    endpointId: string;
    endpointName: string;
    modelName: string;
  }): Promise<AdapterStatus>;
  getAdapter?(input: {
    endpointId: string;
    endpointName: string;
    adapterId: string;
  }): Promise<AdapterStatus | undefined>;
  /**
   * The provider's own measurements of these endpoints over [from, to), in one read per account
   * where the provider allows it; an endpoint absent from the answer had no traffic. Throws a
   * ProviderError when it can't be read (so nothing is judged idle on missing data).
   */
  usage?(input: {
    endpoints: { id: string; name: string }[];
    from: string;
    to: string;
  }): Promise<UsageSample[]>;
  /**
   * The provider's events for an endpoint recorded at or after `since` (inclusive: the caller
   * de-duplicates by id), oldest first. Where a provider has no feed, absent.
   */
  events?(input: { endpointId: string; since?: string }): Promise<ProviderEvent[]>;
  /** Idempotent: an adapter already unloaded counts as done. */
  unloadAdapter?(input: { endpointId: string; endpointName: string; adapterId: string }): Promise<void>;
}
