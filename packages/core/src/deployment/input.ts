import { z } from "zod";
import { enabledProviders } from "../provider";
import { states } from "./states";

const HF = /^hf:\/\/[\w.-]+\/[\w.-]+$/;
const S3 = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+$/;
const CATALOG = /^[\w.-]+\/[\w.:-]+$/;

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
    hfToken: z.string().min(1).max(500).optional(),
  })
  .refine((m) => m.type !== "adapter" || m.baseModel, {
    message: "An adapter needs baseModel: the model it was trained on.",
    path: ["baseModel"],
  });

export const AutoscalingInput = z
  .object({ minReplicas: z.number().int().min(0).max(64), maxReplicas: z.number().int().min(1).max(64) })
  .refine((a) => a.minReplicas <= a.maxReplicas, {
    message: "minReplicas must not exceed maxReplicas.",
    path: ["minReplicas"],
  });

export const CreateInput = z.object({
  name: z
    .string()
    .regex(/^[a-zA-Z0-9][\w.-]{0,62}$/, "Use up to 63 letters, digits, '.', '_' or '-'.")
    .optional(),
  provider: z.enum(enabledProviders),
  model: ModelInput,
  hardware: z.string().regex(/^[\w.-]{1,100}$/, "A provider hardware id, e.g. 1x_nvidia_h100_80gb_sxm."),
  autoscaling: AutoscalingInput.default({ minReplicas: 1, maxReplicas: 1 }),
  idleTimeoutMinutes: z.number().int().min(1).max(43_200).nullable().default(null),
});
export type CreateInput = z.input<typeof CreateInput>;

export const UpdateInput = z
  .object({
    autoscaling: AutoscalingInput.optional(),
    hardware: z
      .string()
      .regex(/^[\w.-]{1,100}$/)
      .optional(),
    idleTimeoutMinutes: z.number().int().min(1).max(43_200).nullable().optional(),
  })
  .refine((u) => u.autoscaling || u.hardware || u.idleTimeoutMinutes !== undefined, {
    message: "Give at least one of autoscaling, hardware, idleTimeoutMinutes.",
  });
export type UpdateInput = z.input<typeof UpdateInput>;

export const ListInput = z.object({
  state: z.enum(states).optional(),
  provider: z.enum(enabledProviders).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
});
