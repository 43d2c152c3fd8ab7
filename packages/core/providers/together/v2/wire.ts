import type {
  AdapterCreateParams,
  AdapterRetrieveResponse,
} from "together-ai/resources/beta/endpoints/adapters";
import type { DeploymentCreateParams } from "together-ai/resources/beta/endpoints/deployments";
import type {
  DeploymentAutoscaling,
  EndpointDeployment,
  EndpointTrafficSplitEntry,
  Endpoint as SdkEndpoint,
} from "together-ai/resources/beta/endpoints/endpoints";
import type { InferenceInstanceType } from "together-ai/resources/beta/endpoints/hardware";
import type { Config as SdkConfig } from "together-ai/resources/beta/models/configs";
import type {
  ModelCreateParams,
  ModelListRevisionsResponse,
  Model as SdkModel,
  SupportedModel as SdkSupportedModel,
} from "together-ai/resources/beta/models/models";
import type {
  RemoteUploadCreateParams,
  RemoteUploadRetrieveResponse,
} from "together-ai/resources/beta/models/remote-uploads";
import type { WhoamiResponse } from "together-ai/resources/top-level";
import * as z from "zod";

/**
 * Together's v2 wire shapes (camelCase, full enum names). Responses are read with liberal zod
 * schemas holding only the fields Hangar reads (unknown fields and newer enum values pass); the
 * `Reads` checks below make each schema a subset of the official SDK's type, so a field that
 * drifts from the SDK fails type-checking. Request bodies are the SDK's own types.
 */
export namespace Wire {
  export const Autoscaling = z.object({
    minReplicas: z.number().int().optional(),
    maxReplicas: z.number().int().optional(),
  });

  export const SplitEntry = z.object({ deploymentId: z.string(), weight: z.number() });
  export type SplitEntry = z.infer<typeof SplitEntry>;

  export const DeploymentSummary = z.object({
    id: z.string(),
    name: z.string(),
    state: z.string(),
    createdAt: z.string(),
    hardware: z.string().optional(),
    readyReplicas: z.number().optional(),
  });
  export type DeploymentSummary = z.infer<typeof DeploymentSummary>;

  export const Endpoint = z.object({
    id: z.string(),
    name: z.string(),
    etag: z.string(),
    trafficSplit: z.array(SplitEntry).default([]),
    deployments: z.array(DeploymentSummary).default([]),
    createdAt: z.string().optional(),
  });
  export type Endpoint = z.infer<typeof Endpoint>;

  export const Deployment = z.object({
    id: z.string(),
    name: z.string(),
    endpointId: z.string(),
    model: z.string(),
    config: z.string().optional(),
    hardware: z.string().default(""),
    autoscaling: Autoscaling.default({}),
    desiredReplicas: z.number().optional(),
    status: z.object({
      state: z.string(),
      message: z.string().default(""),
      readyReplicas: z.number().optional(),
      scheduledReplicas: z.number().optional(),
    }),
    etag: z.string(),
    createdAt: z.string().optional(),
    enableLora: z.boolean().optional(),
    placement: z
      .object({
        inline: z
          .object({ regions: z.array(z.string()).optional(), constraint: z.string().optional() })
          .optional(),
        profile: z.string().optional(),
      })
      .optional(),
  });
  export type Deployment = z.infer<typeof Deployment>;

  /** `{object: "list", data, next_cursor}`; the last page says `next_cursor: null` (or omits it). */
  export const page = <T extends z.ZodType>(item: T) =>
    z.object({ data: z.array(item).default([]), next_cursor: z.string().nullish() });

  export const Region = z.object({
    name: z.string(),
    headroom: z.object({ relation: z.string(), value: z.number().optional() }).optional(),
  });
  export type Region = z.infer<typeof Region>;

  export const InstanceType = z.object({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    gpuType: z.string(),
    gpuCount: z.number(),
    gpuMemoryGib: z.number(),
    priceCentsPerHour: z.number(),
    regions: z.array(Region).default([]),
  });
  export type InstanceType = z.infer<typeof InstanceType>;

  export const Profile = z.object({
    model: z.string().default(""),
    config: z.string().default(""),
    gpuType: z.string(),
    gpuCount: z.number(),
    modelName: z.string().default(""),
  });
  export type Profile = z.infer<typeof Profile>;

  export const SupportedModel = z.object({
    id: z.string(),
    name: z.string(),
    /** The `ml_…` a custom model names as its `baseModelId`. */
    baseModelId: z.string().optional(),
    displayName: z.string().optional(),
    contextLength: z.string().optional(),
    deploymentProfiles: z.array(Profile).default([]),
  });
  export type SupportedModel = z.infer<typeof SupportedModel>;

  export const Model = z.object({
    id: z.string(),
    name: z.string(),
    projectId: z.string(),
    baseModelId: z.string().optional(),
  });
  export type Model = z.infer<typeof Model>;

  /** A remote upload job; ERROR is a retry in progress (`restartCount`), not an end. */
  export const RemoteUpload = z.object({
    id: z.string(),
    modelId: z.string(),
    projectId: z.string(),
    status: z.string(),
    statusMessage: z.string().optional(),
    createdAt: z.string(),
  });
  export type RemoteUpload = z.infer<typeof RemoteUpload>;

  export const Revision = z.object({
    revisionId: z.string(),
    createdAt: z.string().optional(),
    validationStatus: z.string().optional(),
    validationErrors: z.array(z.object({ message: z.string().optional() })).optional(),
  });
  export type Revision = z.infer<typeof Revision>;

  export const Revisions = z.object({ data: z.array(Revision).default([]) });

  export const Config = z.object({
    id: z.string(),
    projectId: z.string(),
    selectors: z.array(z.object({ key: z.string(), value: z.string() })).default([]),
  });
  export type Config = z.infer<typeof Config>;

  export const Adapter = z.object({
    adapterModelId: z.string(),
    etag: z.string(),
    perCluster: z
      .array(
        z.object({
          state: z.string(),
          readyPodCount: z.number().optional(),
          message: z.string().optional(),
        }),
      )
      .default([]),
  });
  export type Adapter = z.infer<typeof Adapter>;

  export const Whoami = z.object({ project_id: z.string(), project_slug: z.string() });
  export type Whoami = z.infer<typeof Whoami>;

  export const Empty = z.unknown();

  export type CreateDeployment = Omit<DeploymentCreateParams, "projectId" | "validateOnly">;
  export type AutoscalingBody = DeploymentAutoscaling;
  export type UpdateEndpoint = { etag?: string; trafficSplit?: EndpointTrafficSplitEntry[] };
  export type CreateModel = Omit<ModelCreateParams, "projectId">;
  export type CreateUpload = Omit<RemoteUploadCreateParams, "projectId">;
  export type AttachAdapter = Omit<AdapterCreateParams, "projectId" | "endpointId" | "deploymentId">;
}

/** True when every value of the SDK's type is one our schema accepts (our schema reads a subset). */
type Reads<Ours, Sdk> = Sdk extends Ours ? true : never;
type In<S extends z.ZodType> = z.input<S>;
export const sdkChecks: [
  Reads<In<typeof Wire.Endpoint>, SdkEndpoint>,
  Reads<In<typeof Wire.Deployment>, EndpointDeployment>,
  Reads<In<typeof Wire.InstanceType>, InferenceInstanceType>,
  Reads<In<typeof Wire.SupportedModel>, SdkSupportedModel>,
  Reads<In<typeof Wire.Model>, SdkModel>,
  Reads<In<typeof Wire.Config>, SdkConfig>,
  Reads<In<typeof Wire.Adapter>, AdapterRetrieveResponse>,
  Reads<In<typeof Wire.Whoami>, WhoamiResponse>,
  Reads<In<typeof Wire.RemoteUpload>, RemoteUploadRetrieveResponse>,
  Reads<In<typeof Wire.Revision>, ModelListRevisionsResponse.Data>,
] = [true, true, true, true, true, true, true, true, true, true];
