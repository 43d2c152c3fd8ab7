import * as z from "zod";
import { enabledProviders } from "../provider";
import { Schedule } from "./schedule-input";
import { states } from "./states";

const HF = /^hf:\/\/[\w.-]+\/[\w.-]+(@[\w./-]+)?$/;
const S3 = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+$/;
/** A provider's own model name: `org/model` at Together, `accounts/a/models/m` or a bare id at Fireworks. */
const CATALOG = /^[\w.-]+(\/[\w.:-]+){0,3}$/;

function isSource(value: string) {
  if (HF.test(value) || S3.test(value) || CATALOG.test(value)) return true;
  if (!value.startsWith("https://")) return false;
  return URL.canParse(value);
}

export const ModelInput = z
  .object({
    source: z.string().max(1000).refine(isSource, {
      message:
        "Use hf://org/repo, s3://bucket/key, an https:// archive URL, or a provider model name (org/model).",
    }),
    type: z.enum(["model", "adapter"]).default("model"),
    baseModel: z.string().min(1).max(300).optional(),
    baseDeploymentId: z
      .string()
      .regex(/^dep_[0-9a-z]{26}$/)
      .optional()
      .meta({ description: "Load this adapter onto a running deployment of its base model." }),
    hfToken: z.string().min(1).max(500).optional(),
  })
  .refine((m) => m.type !== "adapter" || m.baseModel || m.baseDeploymentId, {
    message:
      "An adapter needs baseModel (the model it was trained on) or baseDeploymentId (a deployment to load it onto).",
    path: ["baseModel"],
  })
  .refine((m) => m.type === "adapter" || !m.baseDeploymentId, {
    message: "Only an adapter can be loaded onto another deployment.",
    path: ["baseDeploymentId"],
  });

export const AutoscalingInput = z
  .object({ minReplicas: z.number().int().min(0).max(64), maxReplicas: z.number().int().min(1).max(64) })
  .refine((a) => a.minReplicas <= a.maxReplicas, {
    message: "minReplicas must not exceed maxReplicas.",
    path: ["minReplicas"],
  });

export const IdlePolicyInput = z
  .object({
    graceMinutes: z
      .number()
      .int()
      .min(0)
      .max(1440)
      .optional()
      .meta({ description: "No idle stop this soon after the endpoint becomes ready." }),
    warnBeforeMinutes: z
      .number()
      .int()
      .min(1)
      .max(1440)
      .optional()
      .meta({ description: "Send deployment.idle_warning this long before an idle stop." }),
    deleteAfterStoppedDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .optional()
      .meta({ description: "Second stage: delete the deployment once it has been stopped this long." }),
  })
  .meta({ id: "IdlePolicy" });

/** Names stand in for ids in every path, so a name can't look like a deployment id. */
export const Name = z
  .string()
  .regex(/^[a-zA-Z0-9][\w.-]{0,62}$/, "Use up to 63 letters, digits, '.', '_' or '-'.")
  .refine((n) => !/^dep_[0-9a-z]{26}$/.test(n), { message: "A name can't look like a deployment id." })
  .meta({ example: "support-bot" });

const Hardware = z.string().regex(/^[\w.-]{1,100}$/, "A provider hardware id, e.g. 1x_nvidia_h100_80gb_sxm.");

export const CreateInput = z
  .object({
    name: Name.optional().meta({
      description:
        "Unique among your deployments that are not deleted; accepted wherever a deployment id is. Defaults to the id.",
    }),
    provider: z.enum(enabledProviders),
    model: ModelInput,
    hardware: Hardware.optional().meta({
      description: "Required, except for an adapter loaded onto a deployment.",
    }),
    autoscaling: AutoscalingInput.default({ minReplicas: 1, maxReplicas: 1 }),
    idleTimeoutMinutes: z.number().int().min(1).max(43_200).nullable().optional().meta({
      description: "Stop after this long without traffic. Omitted: the tenant's default; null: never.",
    }),
    idlePolicy: IdlePolicyInput.optional().meta({ description: "Omitted: the tenant's default." }),
    schedule: Schedule.nullable()
      .optional()
      .meta({ description: "Active windows: started before each, stopped after." }),
    precision: z
      .string()
      .regex(/^[A-Z0-9_]{1,40}$/)
      .optional()
      .meta({
        description: "Weights precision where the provider takes one (Fireworks: FP16, FP8, BF16, …).",
      }),
    scaleToZero: z
      .object({ afterIdleMinutes: z.number().int().min(5).max(1440) })
      .optional()
      .meta({
        description:
          "Let the provider drop to zero replicas after this long without requests and wake on the next one (minReplicas must be 0). Distinct from a stop.",
      }),
    allowAdapters: z
      .boolean()
      .default(false)
      .meta({ description: "Let adapters be loaded onto this deployment later." }),
    apiVersion: z.enum(["v1", "v2"]).optional().meta({
      description:
        "Together only: the API generation to deploy on. Omitted: the Hangar's setting (HANGAR_TOGETHER_API, v2 by default). v1 is supported by Together until the end of 2026.",
    }),
    region: z
      .object({
        name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "A region name, e.g. us-central-8."),
        required: z.boolean().default(false).meta({
          description: "true: only this region; false: preferred, elsewhere when it has no room.",
        }),
      })
      .optional()
      .meta({
        description:
          "Together v2 only: where to run. GET /v1/hardware?provider=together lists each hardware's regions and headroom.",
      }),
  })
  .refine((d) => d.hardware || d.model.baseDeploymentId, {
    message: "Give the hardware to deploy on.",
    path: ["hardware"],
  })
  .refine((d) => !d.scaleToZero || d.autoscaling.minReplicas === 0, {
    message: "Scale to zero needs autoscaling.minReplicas 0.",
    path: ["autoscaling", "minReplicas"],
  })
  .refine((d) => !d.model.baseDeploymentId || (!d.idleTimeoutMinutes && !d.scaleToZero && !d.schedule), {
    message: "An adapter on a deployment follows its base: set idle and scale-to-zero on the base.",
    path: ["idleTimeoutMinutes"],
  });
export type CreateInput = z.input<typeof CreateInput>;

export const UpdateInput = z
  .object({
    name: Name.optional(),
    autoscaling: AutoscalingInput.optional(),
    hardware: z
      .string()
      .regex(/^[\w.-]{1,100}$/)
      .optional(),
    idleTimeoutMinutes: z.number().int().min(1).max(43_200).nullable().optional(),
    idlePolicy: IdlePolicyInput.optional(),
    schedule: Schedule.nullable().optional(),
    allowAdapters: z.boolean().optional().meta({
      description:
        "Fixed when the endpoint is created: a different value is refused (422 deployment.allow_adapters_immutable).",
    }),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), {
    message: "Give at least one of name, autoscaling, hardware, idleTimeoutMinutes, idlePolicy, schedule.",
  });
export type UpdateInput = z.input<typeof UpdateInput>;

export const ListInput = z.object({
  state: z.enum(states).optional(),
  provider: z.enum(enabledProviders).optional(),
  apiVersion: z.enum(["v1", "v2"]).optional().meta({
    description:
      "Together deployments on this API generation only (apiVersion=v1: what is left to migrate to v2).",
  }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
});
