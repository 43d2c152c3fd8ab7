import * as z from "zod";
import { VisibleError } from "../error";
import { enabledProviders, providerNames } from "../provider";
import { ProviderError } from "../provider/error";
import { assertConfigured } from "../provider/lookup";
import { fn } from "../util/fn";
import { hardwareList } from "./price";

export const Hardware = z
  .object({
    id: z.string().meta({ example: "1x_nvidia_h100_80gb_sxm" }),
    provider: z.enum(providerNames),
    gpu: z.object({
      type: z.string(),
      count: z.number().int(),
      memoryGb: z.number(),
      link: z.string().optional(),
    }),
    pricePerHour: z.number().meta({ description: "USD per replica-hour" }),
    priceSource: z
      .enum(["provider", "table"])
      .meta({ description: "From the provider's API, or Hangar's dated table." }),
    priceAsOf: z.string().optional(),
    availability: z.enum(["available", "insufficient", "unavailable", "unknown"]),
    regions: z
      .array(
        z.object({
          name: z.string().meta({ example: "us-central-8" }),
          headroom: z.number().int().nullable().meta({
            description: "Additional replicas that fit there now; null when the provider doesn't say.",
          }),
          atLeast: z
            .boolean()
            .meta({ description: "The provider caps the count it tells: at least this many." }),
        }),
      )
      .optional()
      .meta({ description: "Where it can run, with headroom per region (Together v2)." }),
    aliases: z
      .array(z.string())
      .optional()
      .meta({ description: "Other ids accepted for it (Together v2: the v1 hardware id of the same GPUs)." }),
  })
  .meta({ id: "Hardware" });

export const ListInput = z.object({
  provider: z.enum(enabledProviders),
  model: z.string().min(1).max(300).optional(),
  apiVersion: z.enum(["v1", "v2"]).optional().meta({
    description: "Together only: the API generation's catalogue; the one new deployments use when omitted.",
  }),
});

/** The provider's hardware, normalised; with a model, only what can serve it. */
export const list = fn(ListInput, async (input) => {
  assertConfigured(input.provider);
  try {
    const data = await hardwareList(input.provider, { model: input.model, apiVersion: input.apiVersion });
    return { data: [...data].sort((a, b) => a.pricePerHour - b.pricePerHour) };
  } catch (error) {
    if (error instanceof ProviderError && error.code === "model_not_deployable") {
      throw new VisibleError(
        "unprocessable",
        "hardware.model_not_deployable",
        `${input.provider} cannot deploy ${input.model} on dedicated hardware.`,
      );
    }
    throw error;
  }
});
