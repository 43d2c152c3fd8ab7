import type {
  Autoscaling,
  CreateEndpointInput,
  EndpointStatus,
  Hardware,
  Provider,
} from "../../src/provider";
import { ProviderError } from "../../src/provider/error";
import { adapters } from "./adapters";
import { FireworksClient, type FireworksClientOptions } from "./client";
import { isAlreadyExists, NotFoundError } from "./errors";
import { duration } from "./format";
import { allHardware, hardwareId, parseHardwareId, toHardware } from "./hardware";
import { deploymentIdFor, fireworksModel } from "./ids";
import { toEndpointStatus } from "./states";
import { type PushedUpload, uploads } from "./uploads";
import { usageFromMetrics } from "./usage";
import type { Wire } from "./wire";

/** DeploymentPrecision from Fireworks' spec, without PRECISION_UNSPECIFIED (legacy models only). */
export const precisions = [
  "FP16",
  "FP8",
  "FP8_MM",
  "FP8_AR",
  "FP8_MM_KV_ATTN",
  "FP8_KV",
  "FP8_MM_V2",
  "FP8_V2",
  "FP8_MM_KV_ATTN_V2",
  "NF4",
  "FP4",
  "BF16",
  "FP4_BLOCKSCALED_MM",
  "FP4_MX_MOE",
] as const;

/** Fireworks refuses a shorter `scaleToZeroWindow`. */
export const MIN_SCALE_TO_ZERO_MINUTES = 5;

export type FireworksProviderOptions = Partial<FireworksClientOptions>;

/** Core's `Provider`, with the transfers a push upload hands back (core's `UploadStatus` has no field for them yet). */
export type FireworksProvider = Omit<Provider, "startUpload"> & {
  startUpload(input: Parameters<Provider["startUpload"]>[0]): Promise<PushedUpload>;
};

/** Env is read when the first call needs a client, so importing this module needs no secrets. */
function fromEnv(): Partial<FireworksClientOptions> {
  const env = (name: string) => process.env[name] || undefined;
  return {
    apiKey: env("FIREWORKS_API_KEY"),
    accountId: env("FIREWORKS_ACCOUNT_ID"),
    baseUrl: env("FIREWORKS_BASE_URL"),
    inferenceUrl: env("FIREWORKS_INFERENCE_URL"),
  };
}

const invalid = (message: string, code: string) =>
  new ProviderError("fireworks", message, { retryable: false, code });

function createBody(input: CreateEndpointInput): Wire.DeploymentInput {
  const minutes = input.scaleToZeroMinutes;
  if (minutes !== undefined && minutes < MIN_SCALE_TO_ZERO_MINUTES) {
    throw invalid(
      `Fireworks scales to zero after at least ${MIN_SCALE_TO_ZERO_MINUTES} idle minutes`,
      "invalid_scale_to_zero_window",
    );
  }
  return {
    baseModel: fireworksModel(input.model) ?? input.model,
    displayName: input.displayName,
    ...replicas(input.autoscaling),
    ...parseHardwareId(input.hardware),
    ...(input.precision ? { precision: input.precision } : {}),
    enableAddons: input.enableAdapters ?? false,
    ...(minutes !== undefined ? { autoscalingPolicy: { scaleToZeroWindow: duration(minutes * 60) } } : {}),
  };
}

const replicas = (a: Autoscaling) => ({ minReplicaCount: a.minReplicas, maxReplicaCount: a.maxReplicas });

/** Core's `Provider` over Fireworks' Gateway API. */
export function createFireworksProvider(options: FireworksProviderOptions = {}): FireworksProvider {
  let client: FireworksClient | undefined;
  const api = () => {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    client ??= new FireworksClient({ ...fromEnv(), ...given } as FireworksClientOptions);
    return client;
  };

  async function find(id: string): Promise<Wire.Deployment | undefined> {
    try {
      const deployment = await api().deployments.get(id);
      return deployment.state === "DELETED" ? undefined : deployment;
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  /** The spec wants `baseModel` in every PATCH body, so the deployment is read first. */
  async function patch(
    id: string,
    changes: Omit<Wire.DeploymentInput, "baseModel">,
  ): Promise<EndpointStatus> {
    const current = await api().deployments.get(id);
    const baseModel = current.baseModel ?? "";
    return toEndpointStatus(await api().deployments.update(id, { baseModel, ...changes }));
  }

  /** A redelivered create meets its own deployment (409); a soft-deleted one is brought back. */
  async function existing(id: string, body: Wire.DeploymentInput): Promise<Wire.Deployment> {
    const deployment = await api().deployments.get(id);
    if (deployment.state !== "DELETED") return deployment;
    const { baseModel, minReplicaCount, maxReplicaCount } = body;
    await api().deployments.undelete(id);
    return api().deployments.update(id, { baseModel, minReplicaCount, maxReplicaCount });
  }

  return {
    name: "fireworks",
    // Fireworks deletes deployments left at zero replicas without traffic for 7 days (its docs).
    capabilities: {
      upload: "push",
      scaleToZero: true,
      precisions,
      adapters: true,
      adapterEndpoints: true,
      deletesStoppedAfterDays: 7,
    },

    needsUpload: (model) => fireworksModel(model.source) === undefined,
    ...uploads(api),

    async findEndpoint({ displayName }) {
      const deployment = await find(deploymentIdFor(displayName));
      return deployment && toEndpointStatus(deployment);
    },

    async createEndpoint(input) {
      const body = createBody(input);
      const id = deploymentIdFor(input.displayName);
      try {
        return toEndpointStatus(await api().deployments.create(id, body));
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
        return toEndpointStatus(await existing(id, body));
      }
    },

    async getEndpoint(id) {
      const deployment = await find(id);
      return deployment && toEndpointStatus(deployment);
    },

    async listEndpoints() {
      const deployments = await api().deployments.list();
      return deployments.filter((d) => d.state !== "DELETED").map(toEndpointStatus);
    },

    updateEndpoint: (id, { autoscaling }) => patch(id, replicas(autoscaling)),
    startEndpoint: (id, { autoscaling }) => patch(id, replicas(autoscaling)),
    /** A stop is a scale to zero that stays: with max 0 nothing wakes it. */
    stopEndpoint: (id) => patch(id, { minReplicaCount: 0, maxReplicaCount: 0 }),

    async deleteEndpoint(id) {
      try {
        await api().deployments.delete(id);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    },

    hardware: async ({ model }) => listHardware(api(), model),

    async catalogue() {
      return (await api().models.catalogue()).map((m) => ({
        id: m.name,
        displayName: m.displayName,
        type: m.kind,
        contextLength: typeof m.contextLength === "number" ? m.contextLength : undefined,
      }));
    },

    chat: ({ endpointName, body, signal }) => api().chat({ ...body, model: endpointName }, { signal }),

    /** One scrape of the account's metrics, fanned out to the endpoints asked for. */
    async usage({ endpoints, from, to }) {
      const text = await api().metrics();
      const seconds = Math.max(1, (Date.parse(to) - Date.parse(from)) / 1000);
      try {
        return usageFromMetrics(text, new Set(endpoints.map((e) => e.id)), seconds);
      } catch (error) {
        throw new ProviderError(
          "fireworks",
          `Fireworks metrics are unreadable: ${(error as Error).message}`,
          {
            retryable: true,
            code: "invalid_metrics",
          },
        );
      }
    },

    ...adapters(api),
  };
}

/**
 * Validated shapes for the model when Fireworks has any (a catalog base model); otherwise every
 * accelerator Hangar has a price for, at 1–8 per replica, left for the create call to refuse.
 */
async function listHardware(client: FireworksClient, model?: string): Promise<Hardware[]> {
  if (!model) return allHardware();
  const baseModel = fireworksModel(model) ?? model;
  const shapes = await client.shapeVersions({ baseModel });
  const seen = new Map<string, Hardware>();
  for (const { snapshot } of shapes) {
    if (!snapshot.acceleratorType) continue;
    const accelerator = {
      acceleratorType: snapshot.acceleratorType,
      acceleratorCount: snapshot.acceleratorCount,
    };
    const hardware = seen.has(hardwareId(accelerator)) ? undefined : toHardware(accelerator);
    if (hardware) seen.set(hardware.id, hardware);
  }
  return seen.size > 0 ? [...seen.values()] : allHardware();
}
