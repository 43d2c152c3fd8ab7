import * as z from "zod";
import type { LoraShape, ModelSpec, SourceFile } from "../../provider";
import * as Weights from "../../weights";

const CONFIG = "adapter_config.json";

/** What a provider needs of PEFT's config; `target_modules` may also be one name or pattern. */
const AdapterConfig = z.object({
  r: z.number().int().positive(),
  target_modules: z.union([z.array(z.string().min(1)).min(1), z.string().min(1)]),
});

/** The adapter's LoRA shape from its `adapter_config.json`, or why it has none a provider can take. */
export async function loraOf(
  model: ModelSpec,
  files: SourceFile[],
): Promise<{ adapter: LoraShape } | { problem: string }> {
  if (!files.some((f) => f.path === CONFIG))
    return { problem: `${model.source} has no ${CONFIG}: a LoRA adapter needs one` };
  let config: unknown;
  try {
    config = await Weights.readJson(model, CONFIG);
  } catch (error) {
    if (error instanceof Weights.WeightsError && error.code === "weights.invalid_content")
      return { problem: `${error.message}: a LoRA adapter needs a valid one` };
    throw error;
  }
  const parsed = AdapterConfig.safeParse(config);
  if (!parsed.success)
    return {
      problem: `The ${CONFIG} of ${model.source} lacks a valid r or target_modules: a LoRA adapter needs both`,
    };
  const { r, target_modules: modules } = parsed.data;
  return { adapter: { rank: r, targetModules: typeof modules === "string" ? [modules] : modules } };
}
