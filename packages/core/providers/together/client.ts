import { type ClientTuning, HttpTransport } from "../../src/provider/http";
import { retryPolicy } from "../../src/provider/retry";
import { transportErrors } from "./errors";
import { TOGETHER_BASE_URL } from "./facts";
import { Wire } from "./wire";

export type TogetherClientOptions = ClientTuning & {
  apiKey: string;
  /** Defaults to https://api.together.ai/v1. */
  baseUrl?: string;
};

const id = encodeURIComponent;

/** Together's v1 REST API, resource by resource, in Together's own wire shapes. */
export class TogetherClient {
  private readonly http: HttpTransport;
  private readonly chatTimeoutMs: number;

  constructor(options: TogetherClientOptions) {
    if (!options.apiKey) throw new Error("Together API key is missing");
    this.http = new HttpTransport({
      errors: transportErrors(),
      apiKey: options.apiKey,
      baseUrl: options.baseUrl ?? TOGETHER_BASE_URL,
      timeoutMs: options.timeoutMs ?? 30_000,
      retry: retryPolicy(options),
      dispatcher: options.dispatcher,
      clock: options.clock,
    });
    this.chatTimeoutMs = options.chatTimeoutMs ?? 120_000;
  }

  readonly models = {
    list: (params: { dedicated?: boolean } = {}) =>
      this.http.json("GET", "/models", Wire.ModelList, { query: { dedicated: params.dedicated } }),
    upload: (body: Wire.UploadModel) => this.http.json("POST", "/models", Wire.UploadResult, { body }),
  };

  readonly jobs = {
    get: (jobId: string) => this.http.json("GET", `/jobs/${id(jobId)}`, Wire.Job),
    list: async () => (await this.http.json("GET", "/jobs", Wire.JobList)).data,
  };

  readonly endpoints = {
    create: (body: Wire.CreateEndpoint) => this.http.json("POST", "/endpoints", Wire.Endpoint, { body }),
    get: (endpointId: string) => this.http.json("GET", `/endpoints/${id(endpointId)}`, Wire.Endpoint),
    list: async (params: { type?: "dedicated" | "serverless"; mine?: boolean } = {}) =>
      (await this.http.json("GET", "/endpoints", Wire.EndpointList, { query: params })).data,
    update: (endpointId: string, body: Wire.UpdateEndpoint) =>
      this.http.json("PATCH", `/endpoints/${id(endpointId)}`, Wire.Endpoint, { body }),
    delete: (endpointId: string) => this.http.empty("DELETE", `/endpoints/${id(endpointId)}`),
    adapters: {
      list: async (endpointId: string) =>
        (await this.http.json("GET", `/endpoints/${id(endpointId)}/adapters`, Wire.AdapterList)).data ?? [],
      add: (endpointId: string, body: Wire.AdapterRef) =>
        this.http.json("POST", `/endpoints/${id(endpointId)}/adapters`, Wire.AddedAdapter, { body }),
      remove: (endpointId: string, body: Wire.AdapterRef) =>
        this.http.json("DELETE", `/endpoints/${id(endpointId)}/adapters`, Wire.RemovedAdapter, { body }),
    },
  };

  async hardware(params: { model?: string } = {}) {
    return (await this.http.json("GET", "/hardware", Wire.HardwareList, { query: params })).data;
  }

  /** POST /chat/completions; the response (JSON or an SSE stream) is returned untouched for proxying. */
  chat(body: Record<string, unknown>, options: { signal?: AbortSignal } = {}): Promise<Response> {
    return this.http.passthrough("POST", "/chat/completions", {
      body,
      signal: options.signal,
      timeoutMs: this.chatTimeoutMs,
    });
  }
}
