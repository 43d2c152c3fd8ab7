import type { EndpointStatus, ModelSpec, Provider, UploadStatus } from "../../src/provider";
import { ProviderError } from "../../src/provider/error";
import { adapters } from "./adapters";
import { TogetherClient, type TogetherClientOptions } from "./client";
import { NotFoundError } from "./errors";
import { TOGETHER_BASE_URL } from "./facts";
import { type Presign, parseSource, presignS3 } from "./source";
import { toEndpointStatus, toHardware, toUploadStatus } from "./states";
import type { Wire } from "./wire";

export type TogetherV1Options = Partial<TogetherClientOptions> & {
  /** Turns `s3://bucket/key` into a GET URL Together can fetch; defaults to the AWS SDK presigner. */
  presign?: Presign;
};

/** The model name an upload for this deployment gets, so a later attempt can find its job again. */
export function uploadModelName(deploymentId: string): string {
  return `hangar-${deploymentId}`;
}

function matchesUpload(job: Wire.Job, deploymentId: string): boolean {
  const name = job.args.modelName;
  const wanted = uploadModelName(deploymentId);
  return name === wanted || name?.endsWith(`/${wanted}`) === true;
}

function sourceOf(model: ModelSpec) {
  try {
    return parseSource(model);
  } catch (error) {
    return unsupported(error);
  }
}

function unsupported(error: unknown): never {
  throw new ProviderError("together", error instanceof Error ? error.message : String(error), {
    retryable: false,
    code: "unsupported_source",
  });
}

/** Env is read when the first call needs a client, so importing this module needs no secrets. */
function fromEnv() {
  const apiKey = process.env.TOGETHER_API_KEY;
  if (!apiKey) throw new Error("TOGETHER_API_KEY is not set");
  return { apiKey, baseUrl: process.env.TOGETHER_BASE_URL ?? TOGETHER_BASE_URL };
}

const CLOCK_SKEW_MS = 5 * 60_000;

/** Core's `Provider` over Together's v1 API. The client is built on first use, so importing needs no env. */
export function createTogetherV1Provider(options: TogetherV1Options = {}): Provider {
  let client: TogetherClient | undefined;
  const api = () => {
    const env = options.apiKey
      ? { apiKey: options.apiKey, baseUrl: process.env.TOGETHER_BASE_URL }
      : fromEnv();
    client ??= new TogetherClient({ ...definedOnly(env), ...definedOnly(options) } as TogetherClientOptions);
    return client;
  };
  const presign = options.presign ?? presignS3;

  async function uploadSource(model: ModelSpec): Promise<string> {
    const source = sourceOf(model);
    switch (source.kind) {
      case "huggingface":
        return source.repo;
      case "url":
        return source.url;
      case "s3":
        return presign(source.bucket, source.key);
      case "name":
        return unsupported(new Error(`${source.model} is served by Together and needs no upload`));
    }
  }

  async function patch(id: string, body: Wire.UpdateEndpoint): Promise<EndpointStatus> {
    return toEndpointStatus(await api().endpoints.update(id, body));
  }

  return {
    name: "together",
    capabilities: {
      upload: "pull",
      scaleToZero: false,
      precisions: [],
      adapters: true,
      adapterEndpoints: false,
    },

    needsUpload(model) {
      try {
        return parseSource(model).kind !== "name";
      } catch {
        return true;
      }
    },

    async findUpload({ deploymentId }) {
      const jobs = (await api().jobs.list()).filter((job) => matchesUpload(job, deploymentId));
      const latest = jobs.sort((a, b) => (b.created_at ?? "").localeCompare(a.created_at ?? ""))[0];
      return latest && toUploadStatus(latest);
    },

    async startUpload({ deploymentId, model }): Promise<UploadStatus> {
      const modelSource = await uploadSource(model);
      const result = await api().models.upload({
        model_name: uploadModelName(deploymentId),
        model_source: modelSource,
        model_type: model.type,
        ...(model.type === "adapter" && model.baseModel ? { base_model: model.baseModel } : {}),
        ...(model.hfToken ? { hf_token: model.hfToken } : {}),
        description: `Hangar deployment ${deploymentId}`,
      });
      return { jobId: result.job_id, modelName: result.model_name, state: "pending", raw: "Queued" };
    },

    async getUpload(jobId) {
      return toUploadStatus(await api().jobs.get(jobId));
    },

    async findEndpoint({ displayName, model, since }) {
      const listed = await api().endpoints.list({ type: "dedicated", mine: true });
      // List items carry no display_name, so each candidate is fetched: only those of this model
      // created since the attempt could have been made (less a margin for clock skew).
      const after = since ? Date.parse(since) - CLOCK_SKEW_MS : 0;
      const candidates = listed.filter(
        (e) => e.model === model && (!e.created_at || Date.parse(e.created_at) >= after),
      );
      for (const item of candidates) {
        const endpoint = await getOrUndefined(api(), item.id);
        if (endpoint?.display_name === displayName) return toEndpointStatus(endpoint);
      }
      return undefined;
    },

    async createEndpoint(input) {
      const endpoint = await api().endpoints.create({
        model: input.model,
        hardware: input.hardware,
        display_name: input.displayName,
        autoscaling: {
          min_replicas: input.autoscaling.minReplicas,
          max_replicas: input.autoscaling.maxReplicas,
        },
        // Hangar stops idle deployments itself; Together's own default (60 min per its docs) is
        // switched off with 0 unless the deployment asks for a Together-side timeout.
        inactive_timeout: input.inactiveTimeoutMinutes ?? 0,
        // `enableAdapters` has no counterpart here: v1 create takes no LoRA flag, and an adapter
        // uploaded for this endpoint's model is bound later through /endpoints/{id}/adapters.
      });
      return toEndpointStatus(endpoint);
    },

    async getEndpoint(id) {
      const endpoint = await getOrUndefined(api(), id);
      return endpoint && toEndpointStatus(endpoint);
    },

    updateEndpoint: (id, { autoscaling }) =>
      patch(id, {
        autoscaling: { min_replicas: autoscaling.minReplicas, max_replicas: autoscaling.maxReplicas },
      }),
    startEndpoint: (id) => patch(id, { state: "STARTED" }),
    stopEndpoint: (id) => patch(id, { state: "STOPPED" }),

    async deleteEndpoint(id) {
      try {
        await api().endpoints.delete(id);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    },

    /** Together lists the account's uploads beside its catalogue; Hangar's carry its `hangar-` prefix. */
    async catalogue() {
      const models = await api().models.list({ dedicated: true });
      return models
        .filter((m) => !/(?:^|\/)hangar-dep_[0-9a-z]{26}$/.test(m.id))
        .map((m) => ({
          id: m.id,
          displayName: m.display_name,
          type: m.type,
          contextLength: m.context_length,
        }));
    },

    async hardware({ model }) {
      try {
        return (await api().hardware({ model })).map(toHardware);
      } catch (error) {
        if (model && error instanceof NotFoundError) {
          throw new ProviderError("together", `${model} cannot be deployed on Together dedicated hardware`, {
            status: 404,
            code: "model_not_deployable",
            retryable: false,
            body: error.options.body,
          });
        }
        throw error;
      }
    },

    chat({ endpointName, body, signal }) {
      return api().chat({ ...body, model: endpointName }, { signal });
    },

    ...adapters(api),
  };
}

async function getOrUndefined(client: TogetherClient, id: string): Promise<Wire.Endpoint | undefined> {
  try {
    return await client.endpoints.get(id);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

function definedOnly(options: object): Partial<TogetherClientOptions> {
  return Object.fromEntries(Object.entries(options).filter(([k, v]) => v !== undefined && k !== "presign"));
}
