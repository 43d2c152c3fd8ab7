import type { z } from "zod";
import { type ClientTuning, HttpTransport } from "../../../src/provider/http";
import { retryPolicy } from "../../../src/provider/retry";
import { isRetryableStatus, transportErrors } from "../errors";
import { Wire } from "./wire";

export type TogetherV2ClientOptions = {
  apiKey: string;
  /** v2 management API; defaults to https://api.together.ai/v2. */
  baseUrl: string;
  /** Where `/whoami` lives (the v1 base); defaults to https://api.together.ai/v1. */
  identityUrl: string;
  /** Inference for v2 endpoint strings; defaults to https://api-inference.together.ai/v1. */
  inferenceUrl: string;
  /** The project every path is scoped to; discovered once through `/whoami` when absent. */
  projectId?: string;
} & ClientTuning;

/**
 * v2 answers 409 for a stale etag and for a duplicate name: sending the same body again can't
 * succeed, so 409 is not retried here (v1 retries it); the provider re-reads and decides.
 */
const retryV2 = (status: number, headers: Headers) => {
  const hint = headers.get("x-should-retry");
  if (hint === "true") return true;
  if (hint === "false") return false;
  return status !== 409 && isRetryableStatus(status);
};

const id = encodeURIComponent;
type Query = Record<string, string | number | boolean | undefined>;

/** Together's v2 (project-scoped) REST API, in its own wire shapes. */
export class TogetherV2Client {
  private readonly http: HttpTransport;
  private readonly identity: HttpTransport;
  private readonly inference: HttpTransport;
  private readonly chatTimeoutMs: number;
  private project?: Promise<Wire.Whoami>;

  constructor(private readonly options: TogetherV2ClientOptions) {
    if (!options.apiKey) throw new Error("Together API key is missing");
    const transport = (baseUrl: string, retryOn = retryV2) =>
      new HttpTransport({
        errors: transportErrors(retryOn),
        apiKey: options.apiKey,
        baseUrl,
        timeoutMs: options.timeoutMs ?? 30_000,
        retry: retryPolicy(options),
        dispatcher: options.dispatcher,
        clock: options.clock,
      });
    this.http = transport(options.baseUrl);
    this.identity = transport(options.identityUrl);
    this.inference = transport(options.inferenceUrl);
    this.chatTimeoutMs = options.chatTimeoutMs ?? 120_000;
  }

  /** The project id and slug: the slug names inference strings. Read once per client. */
  whoami(): Promise<Wire.Whoami> {
    this.project ??= this.identity.json("GET", "/whoami", Wire.Whoami).catch((error) => {
      this.project = undefined;
      throw error;
    });
    return this.project;
  }

  private async base() {
    const projectId = this.options.projectId ?? (await this.whoami()).project_id;
    return `/projects/${id(projectId)}`;
  }

  /** Every page of a cursor-paginated list, `limit` per request. */
  private async all<T extends z.ZodType>(path: string, item: T, query: Query = {}): Promise<z.output<T>[]> {
    const items: z.output<T>[] = [];
    let after: string | undefined;
    do {
      const page = await this.http.json("GET", path, Wire.page(item), {
        query: { ...query, limit: 500, after },
      });
      items.push(...page.data);
      after = page.data.length ? (page.next_cursor ?? undefined) : undefined;
    } while (after);
    return items;
  }

  readonly endpoints = {
    create: async (body: { name: string }) =>
      this.http.json("POST", `${await this.base()}/endpoints`, Wire.Endpoint, { body }),
    get: async (endpointId: string) =>
      this.http.json("GET", `${await this.base()}/endpoints/${id(endpointId)}`, Wire.Endpoint),
    list: async (query: { filter?: string } = {}) =>
      this.all(`${await this.base()}/endpoints`, Wire.Endpoint, query),
    update: async (endpointId: string, body: Wire.UpdateEndpoint, updateMask: string) =>
      this.http.json("PATCH", `${await this.base()}/endpoints/${id(endpointId)}`, Wire.Endpoint, {
        body,
        query: { updateMask },
      }),
    delete: async (endpointId: string, etag?: string) =>
      this.http.json("DELETE", `${await this.base()}/endpoints/${id(endpointId)}`, Wire.Empty, {
        query: { etag },
      }),
  };

  readonly deployments = {
    create: async (endpointId: string, body: Wire.CreateDeployment) =>
      this.http.json(
        "POST",
        `${await this.base()}/endpoints/${id(endpointId)}/deployments`,
        Wire.Deployment,
        { body },
      ),
    get: async (endpointId: string, deploymentId: string) =>
      this.http.json(
        "GET",
        `${await this.base()}/endpoints/${id(endpointId)}/deployments/${id(deploymentId)}`,
        Wire.Deployment,
      ),
    list: async (endpointId: string, query: { filter?: string } = {}) =>
      this.all(`${await this.base()}/endpoints/${id(endpointId)}/deployments`, Wire.Deployment, query),
    update: async (
      endpointId: string,
      deploymentId: string,
      body: { autoscaling: Wire.AutoscalingBody; etag?: string },
      updateMask: string,
    ) =>
      this.http.json(
        "PATCH",
        `${await this.base()}/endpoints/${id(endpointId)}/deployments/${id(deploymentId)}`,
        Wire.Deployment,
        { body, query: { updateMask } },
      ),
    delete: async (endpointId: string, deploymentId: string, etag?: string) =>
      this.http.json(
        "DELETE",
        `${await this.base()}/endpoints/${id(endpointId)}/deployments/${id(deploymentId)}`,
        Wire.Empty,
        { query: { etag } },
      ),
  };

  readonly adapters = {
    path: async (endpointId: string, deploymentId: string) =>
      `${await this.base()}/endpoints/${id(endpointId)}/deployments/${id(deploymentId)}/adapters`,
    attach: async (endpointId: string, deploymentId: string, body: Wire.AttachAdapter) =>
      this.http.json("POST", await this.adapters.path(endpointId, deploymentId), Wire.Adapter, { body }),
    get: async (endpointId: string, deploymentId: string, adapterId: string) =>
      this.http.json(
        "GET",
        `${await this.adapters.path(endpointId, deploymentId)}/${id(adapterId)}`,
        Wire.Adapter,
      ),
    list: async (endpointId: string, deploymentId: string) =>
      this.all(await this.adapters.path(endpointId, deploymentId), Wire.Adapter),
    detach: async (endpointId: string, deploymentId: string, adapterId: string, etag: string) =>
      this.http.json(
        "DELETE",
        `${await this.adapters.path(endpointId, deploymentId)}/${id(adapterId)}`,
        Wire.Empty,
        { query: { etag } },
      ),
  };

  readonly models = {
    list: async () => this.all(`${await this.base()}/models`, Wire.Model),
    create: async (body: Wire.CreateModel) =>
      this.http.json("POST", `${await this.base()}/models`, Wire.Model, { body }),
    revisions: async (modelId: string) =>
      (await this.http.json("GET", `${await this.base()}/models/${id(modelId)}/revisions`, Wire.Revisions))
        .data,
    configs: async (referenceModel: string) =>
      this.all(`${await this.base()}/configs`, Wire.Config, { referenceModel }),
    supported: (query: { search?: string } = {}) => this.all("/supported-models", Wire.SupportedModel, query),
  };

  readonly uploads = {
    create: async (body: Wire.CreateUpload) =>
      this.http.json("POST", `${await this.base()}/models/uploads`, Wire.RemoteUpload, { body }),
    get: async (uploadId: string) =>
      this.http.json("GET", `${await this.base()}/models/uploads/${id(uploadId)}`, Wire.RemoteUpload),
    list: async () => this.all(`${await this.base()}/models/uploads`, Wire.RemoteUpload),
  };

  /** A GET under the project, for reads kept in their own files (v2/events.ts, v2/analytics.ts). */
  async projectGet<T extends z.ZodType>(path: string, schema: T, query: Query = {}): Promise<z.output<T>> {
    return this.http.json("GET", `${await this.base()}${path}`, schema, { query });
  }

  /** The whole public catalogue in one answer (not paginated). */
  async hardware(): Promise<Wire.InstanceType[]> {
    return (await this.http.json("GET", "/public/inference-instance-types", Wire.page(Wire.InstanceType)))
      .data;
  }

  /** POST /chat/completions at the inference host; the response is returned untouched for proxying. */
  chat(body: Record<string, unknown>, options: { signal?: AbortSignal } = {}): Promise<Response> {
    return this.inference.passthrough("POST", "/chat/completions", {
      body,
      signal: options.signal,
      timeoutMs: this.chatTimeoutMs,
    });
  }
}
