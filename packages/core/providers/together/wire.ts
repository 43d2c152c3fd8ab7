import * as z from "zod";

/**
 * Together's wire types, in Together's casing. Liberal where the live API is known to stray from
 * its spec: unknown endpoint states (FAILED), unknown model types, flat or nested upload responses.
 */
export namespace Wire {
  export const Autoscaling = z.object({ min_replicas: z.number().int(), max_replicas: z.number().int() });
  export type Autoscaling = z.infer<typeof Autoscaling>;

  export const EndpointState = z.string();

  export const Endpoint = z.object({
    object: z.string().optional(),
    id: z.string(),
    name: z.string(),
    display_name: z.string().optional(),
    model: z.string(),
    hardware: z.string().optional(),
    type: z.string().optional(),
    owner: z.string().optional(),
    state: EndpointState,
    autoscaling: Autoscaling.optional(),
    created_at: z.string().optional(),
  });
  export type Endpoint = z.infer<typeof Endpoint>;

  export const EndpointList = z.object({ data: z.array(Endpoint) });

  export const CreateEndpoint = z.object({
    model: z.string(),
    hardware: z.string(),
    autoscaling: Autoscaling,
    display_name: z.string().optional(),
    state: z.enum(["STARTED", "STOPPED"]).optional(),
    inactive_timeout: z.number().int().nullable().optional(),
    disable_speculative_decoding: z.boolean().optional(),
    availability_zone: z.string().optional(),
  });
  export type CreateEndpoint = z.infer<typeof CreateEndpoint>;

  export const UpdateEndpoint = z.object({
    display_name: z.string().optional(),
    state: z.enum(["STARTED", "STOPPED"]).optional(),
    autoscaling: Autoscaling.optional(),
    inactive_timeout: z.number().int().nullable().optional(),
  });
  export type UpdateEndpoint = z.infer<typeof UpdateEndpoint>;

  export const UploadModel = z.object({
    model_name: z.string(),
    model_source: z.string(),
    model_type: z.enum(["model", "adapter"]).optional(),
    hf_token: z.string().optional(),
    description: z.string().optional(),
    base_model: z.string().optional(),
    lora_model: z.string().optional(),
  });
  export type UploadModel = z.infer<typeof UploadModel>;

  const UploadData = z.object({
    job_id: z.string(),
    model_name: z.string(),
    model_id: z.string().optional(),
    model_source: z.string().optional(),
  });
  /** Nested `{data: {...}, message}` today; older servers answered with the fields at the top level. */
  export const UploadResult = z
    .union([z.object({ data: UploadData, message: z.string().optional() }), UploadData])
    .transform((body) => ("data" in body ? body.data : body));
  export type UploadResult = z.infer<typeof UploadResult>;

  export const Job = z.object({
    type: z.string().optional(),
    job_id: z.string(),
    status: z.string(),
    status_updates: z
      .array(
        z.object({ status: z.string(), message: z.string().optional(), timestamp: z.string().optional() }),
      )
      .default([]),
    args: z
      .object({
        description: z.string().optional(),
        modelName: z.string().optional(),
        modelSource: z.string().optional(),
      })
      .default({}),
    created_at: z.string().optional(),
    updated_at: z.string().optional(),
  });
  export type Job = z.infer<typeof Job>;

  export const JobList = z.object({ data: z.array(Job) });

  export const Model = z.object({
    id: z.string(),
    object: z.string().optional(),
    created: z.number().optional(),
    type: z.string().optional(),
    display_name: z.string().optional(),
    organization: z.string().optional(),
    context_length: z.number().optional(),
  });
  export type Model = z.infer<typeof Model>;

  export const ModelList = z.union([
    z.array(Model),
    z.object({ data: z.array(Model) }).transform((b) => b.data),
  ]);

  export const Hardware = z.object({
    id: z.string(),
    pricing: z.object({ cents_per_minute: z.number() }),
    specs: z.object({
      gpu_type: z.string(),
      gpu_link: z.string().optional(),
      gpu_memory: z.number(),
      gpu_count: z.number().int(),
    }),
    availability: z.object({ status: z.string() }).optional(),
    updated_at: z.string().optional(),
  });
  export type Hardware = z.infer<typeof Hardware>;

  export const HardwareList = z.object({ data: z.array(Hardware) });

  /** `/endpoints/{id}/adapters` is newer than Together's spec; its SDK marks every field optional. */
  export const Adapter = z.object({
    adapter_name: z.string().optional(),
    endpoint_name: z.string().optional(),
    /** `<endpoint_name>:<adapter_model_name>`, also the `model` inference addresses. */
    model_id: z.string().optional(),
  });
  export type Adapter = z.infer<typeof Adapter>;

  export const AdapterList = z.object({ object: z.string().optional(), data: z.array(Adapter).optional() });

  export const AdapterRef = z.object({ model_id: z.string() });
  export type AdapterRef = z.infer<typeof AdapterRef>;

  export const AddedAdapter = z.object({ model_id: z.string().optional() });

  export const RemovedAdapter = z.object({
    deleted: z.boolean().optional(),
    model_id: z.string().optional(),
  });
}
