import * as z from "zod";

/**
 * Fireworks' wire types, in its casing (proto3 JSON). Liberal on purpose: every field may be
 * omitted (zero values are), enums are plain strings (new values appear between spec versions),
 * and int64 fields arrive as strings.
 */
export namespace Wire {
  /** `"8030261248"` or `8030261248`. */
  const Int64 = z.union([z.string(), z.number()]).transform(Number);
  const Status = z.looseObject({ code: z.string().optional(), message: z.string().optional() });
  export type Status = z.infer<typeof Status>;

  export const Model = z.looseObject({
    name: z.string(),
    displayName: z.string().optional(),
    state: z.string().default("STATE_UNSPECIFIED"),
    status: Status.optional(),
    kind: z.string().optional(),
    createTime: z.string().optional(),
    baseModelDetails: z
      .looseObject({ parameterCount: Int64.optional(), modelType: z.string().optional() })
      .optional(),
    peftDetails: z.looseObject({ baseModel: z.string().optional() }).optional(),
    supportedPrecisions: z.array(z.string()).default([]),
  });
  export type Model = z.infer<typeof Model>;

  export const PeftDetails = z.object({
    baseModel: z.string(),
    r: z.number().int(),
    targetModules: z.array(z.string()),
  });

  export const CreateModel = z.object({
    modelId: z.string(),
    model: z.object({
      displayName: z.string().optional(),
      description: z.string().optional(),
      kind: z.enum(["HF_BASE_MODEL", "HF_PEFT_ADDON"]),
      huggingFaceUrl: z.string().optional(),
      baseModelDetails: z
        .object({ checkpointFormat: z.string().optional(), worldSize: z.number().optional() })
        .optional(),
      peftDetails: PeftDetails.optional(),
    }),
  });
  export type CreateModel = z.infer<typeof CreateModel>;

  export const UploadEndpoint = z.looseObject({
    filenameToSignedUrls: z.record(z.string(), z.string()).default({}),
  });

  export const ValidateUpload = z.looseObject({ warnings: z.array(z.string()).default([]) });

  const Autoscaling = z.looseObject({
    scaleUpWindow: z.string().optional(),
    scaleDownWindow: z.string().optional(),
    scaleToZeroWindow: z.string().optional(),
  });

  export const Deployment = z.looseObject({
    name: z.string(),
    displayName: z.string().optional(),
    baseModel: z.string().optional(),
    state: z.string().default("STATE_UNSPECIFIED"),
    status: Status.optional(),
    minReplicaCount: z.number().int().default(0),
    maxReplicaCount: z.number().int().optional(),
    desiredReplicaCount: z.number().int().default(0),
    replicaCount: z.number().int().default(0),
    /** Provisioning progress, and the replicas serving (what Fireworks bills). */
    replicaStats: z.looseObject({ readyReplicaCount: z.number().int().optional() }).optional(),
    acceleratorType: z.string().optional(),
    acceleratorCount: z.number().int().optional(),
    precision: z.string().optional(),
    enableAddons: z.boolean().default(false),
    autoscalingPolicy: Autoscaling.optional(),
    createTime: z.string().optional(),
    deleteTime: z.string().optional(),
  });
  export type Deployment = z.infer<typeof Deployment>;

  /** What Hangar sends; a PATCH carries a subset plus `baseModel`, which the spec requires. */
  export type DeploymentInput = {
    baseModel: string;
    displayName?: string;
    minReplicaCount?: number;
    maxReplicaCount?: number;
    acceleratorType?: string;
    acceleratorCount?: number;
    precision?: string;
    enableAddons?: boolean;
    autoscalingPolicy?: { scaleUpWindow?: string; scaleDownWindow?: string; scaleToZeroWindow?: string };
  };

  export const ShapeVersion = z.looseObject({
    name: z.string(),
    snapshot: z
      .looseObject({
        baseModel: z.string().optional(),
        acceleratorType: z.string().optional(),
        acceleratorCount: z.number().int().default(1),
        precision: z.string().optional(),
      })
      .default({ acceleratorCount: 1 }),
    validated: z.boolean().default(false),
    latestValidated: z.boolean().default(false),
  });
  export type ShapeVersion = z.infer<typeof ShapeVersion>;

  export const DeployedModel = z.looseObject({
    name: z.string(),
    model: z.string().optional(),
    deployment: z.string().optional(),
    state: z.string().default("STATE_UNSPECIFIED"),
    status: Status.optional(),
    default: z.boolean().default(false),
  });
  export type DeployedModel = z.infer<typeof DeployedModel>;

  /** `{<collection>: [...], nextPageToken}`; an empty page omits the collection. */
  export function page<S extends z.ZodType>(key: string, item: S) {
    const Page = z.object({ items: z.array(item).default([]), next: z.string().optional() });
    return z.preprocess((body) => {
      const fields = (body ?? {}) as Record<string, unknown>;
      return { items: fields[key], next: fields.nextPageToken || undefined };
    }, Page);
  }

  export const Empty = z.unknown();
}
