import type { z } from "zod";
import { type ClientTuning, HttpTransport } from "../../src/provider/http";
import { retryPolicy } from "../../src/provider/retry";
import { collectPages } from "../../src/util/paginate";
import { InvalidResponseError, isRetryableStatus, transportErrors } from "./errors";
import { FIREWORKS_BASE_URL } from "./facts";
import { fieldPaths, updateMask } from "./format";
import { Wire } from "./wire";

export type FireworksClientOptions = {
  apiKey: string;
  accountId: string;
  /** Control plane; defaults to https://api.fireworks.ai. */
  baseUrl?: string;
  /** Defaults to `<baseUrl>/inference/v1`. */
  inferenceUrl?: string;
} & Omit<ClientTuning, "clock">;

/** A 503 from inference is mostly DEPLOYMENT_SCALING_UP; Hangar's core decides how to wait, not this client. */
const inferenceRetry = (status: number) => status !== 503 && isRetryableStatus(status);

const id = encodeURIComponent;
type Query = Record<string, string | number | boolean | undefined>;

/** Fireworks' Gateway REST API for one account, plus its OpenAI-compatible inference API. */
export class FireworksClient {
  readonly accountId: string;
  private readonly http: HttpTransport;
  private readonly inference: HttpTransport;
  private readonly scrape: HttpTransport;
  private readonly chatTimeoutMs: number;

  constructor(options: FireworksClientOptions) {
    if (!options.apiKey) throw new Error("Fireworks API key is missing");
    if (!options.accountId) throw new Error("Fireworks account id is missing");
    this.accountId = options.accountId;
    const baseUrl = (options.baseUrl ?? FIREWORKS_BASE_URL).replace(/\/+$/, "");
    const common = {
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs ?? 30_000,
      retry: retryPolicy(options),
      dispatcher: options.dispatcher,
    };
    this.http = new HttpTransport({ ...common, baseUrl, errors: transportErrors() });
    this.inference = new HttpTransport({
      ...common,
      baseUrl: options.inferenceUrl ?? `${baseUrl}/inference/v1`,
      errors: transportErrors(inferenceRetry),
    });
    // No retries: the account may scrape 6 times a minute, and a failed scrape only leaves this
    // minute's activity unknown; the next minute's scrape tries again.
    this.scrape = new HttpTransport({
      ...common,
      retry: retryPolicy({ ...options, maxRetries: 0 }),
      baseUrl,
      errors: transportErrors(),
    });
    this.chatTimeoutMs = options.chatTimeoutMs ?? 120_000;
  }

  private get root() {
    return `/v1/accounts/${id(this.accountId)}`;
  }

  /** Follows `nextPageToken` until the last page (bounded: see collectPages). */
  private all<S extends z.ZodType>(path: string, key: string, item: S, query: Query = {}) {
    return collectPages<z.output<S>>(
      (pageToken) =>
        this.http.json("GET", path, Wire.page(key, item), { query: { ...query, pageSize: 200, pageToken } }),
      {
        source: "fireworks",
        what: key,
        fail: (message) => new InvalidResponseError(message, { retryable: false }),
      },
    );
  }

  readonly models = {
    create: (body: Wire.CreateModel) => this.http.json("POST", `${this.root}/models`, Wire.Model, { body }),
    get: (modelId: string) => this.http.json("GET", `${this.root}/models/${id(modelId)}`, Wire.Model),
    list: () => this.all(`${this.root}/models`, "models", Wire.Model),
    /** Fireworks' own catalogue of base models, listed under its `fireworks` account. */
    catalogue: () => this.all("/v1/accounts/fireworks/models", "models", Wire.Model),
    delete: (modelId: string) => this.http.empty("DELETE", `${this.root}/models/${id(modelId)}`),
    /** Sizes are int64, so strings on the wire. */
    uploadEndpoint: async (modelId: string, files: { path: string; size: number }[]) => {
      const filenameToSize = Object.fromEntries(files.map((f) => [f.path, String(f.size)]));
      const body = { filenameToSize, enableResumableUpload: false };
      const path = `${this.root}/models/${id(modelId)}:getUploadEndpoint`;
      return (await this.http.json("POST", path, Wire.UploadEndpoint, { body })).filenameToSignedUrls;
    },
    /** FAILED_PRECONDITION (a BadRequestError) until every file has landed. */
    validateUpload: (modelId: string) =>
      this.http.json("GET", `${this.root}/models/${id(modelId)}:validateUpload`, Wire.ValidateUpload),
    prepare: (modelId: string, precision: string) =>
      this.http.empty("POST", `${this.root}/models/${id(modelId)}:prepare`, { body: { precision } }),
  };

  readonly deployments = {
    create: (deploymentId: string, body: Wire.DeploymentInput) =>
      this.http.json("POST", `${this.root}/deployments`, Wire.Deployment, { body, query: { deploymentId } }),
    get: (deploymentId: string) =>
      this.http.json("GET", `${this.root}/deployments/${id(deploymentId)}`, Wire.Deployment),
    list: (params: { showDeleted?: boolean } = {}) =>
      this.all(`${this.root}/deployments`, "deployments", Wire.Deployment, params),
    /** Changes exactly the fields set in `body` besides `baseModel`, which the spec wants in every PATCH. */
    update: (deploymentId: string, body: Wire.DeploymentInput) => {
      const { baseModel: _, ...changes } = body;
      const query = { updateMask: updateMask(fieldPaths(changes)) };
      const path = `${this.root}/deployments/${id(deploymentId)}`;
      return this.http.json("PATCH", path, Wire.Deployment, { body, query });
    },
    scale: (deploymentId: string, replicaCount: number) =>
      this.http.empty("PATCH", `${this.root}/deployments/${id(deploymentId)}:scale`, {
        body: { replicaCount },
      }),
    delete: (deploymentId: string, params: { hard?: boolean } = {}) =>
      this.http.empty("DELETE", `${this.root}/deployments/${id(deploymentId)}`, { query: params }),
    undelete: (deploymentId: string) =>
      this.http.json("POST", `${this.root}/deployments/${id(deploymentId)}:undelete`, Wire.Deployment, {
        body: {},
      }),
  };

  /** Validated (model, accelerator, count, precision) combinations; `-` wildcards span every account and shape. */
  shapeVersions(params: { baseModel?: string } = {}) {
    const filter = params.baseModel
      ? `snapshot.base_model="${params.baseModel}" AND latest_validated=true`
      : "latest_validated=true";
    return this.all(
      "/v1/accounts/-/deploymentShapes/-/versions",
      "deploymentShapeVersions",
      Wire.ShapeVersion,
      {
        filter,
        orderBy: "create_time desc",
      },
    );
  }

  readonly deployedModels = {
    create: (body: { model: string; deployment: string; displayName?: string }) =>
      this.http.json("POST", `${this.root}/deployedModels`, Wire.DeployedModel, { body }),
    get: (deployedModelId: string) =>
      this.http.json("GET", `${this.root}/deployedModels/${id(deployedModelId)}`, Wire.DeployedModel),
    list: () => this.all(`${this.root}/deployedModels`, "deployedModels", Wire.DeployedModel),
    delete: (deployedModelId: string) =>
      this.http.empty("DELETE", `${this.root}/deployedModels/${id(deployedModelId)}`),
  };

  /** The account's metrics, Prometheus text: at most 6 reads a minute per account, else 429. */
  metrics(): Promise<string> {
    return this.scrape.text("GET", `${this.root}/metrics`, { timeoutMs: 10_000 });
  }

  /** POST /chat/completions; the response (JSON or an SSE stream) is returned untouched for proxying. */
  chat(body: Record<string, unknown>, options: { signal?: AbortSignal } = {}): Promise<Response> {
    return this.inference.passthrough("POST", "/chat/completions", {
      body,
      signal: options.signal,
      timeoutMs: this.chatTimeoutMs,
    });
  }
}
