import * as z from "zod";
import { mine } from "./query";

export const ModelList = z
  .object({
    object: z.literal("list"),
    data: z.array(
      z.object({
        id: z
          .string()
          .meta({ description: "The name the proxy sends as `model`, and the one answers carry." }),
        object: z.literal("model"),
        created: z.number().int().meta({ description: "When the deployment was created (Unix seconds)." }),
        owned_by: z.string().meta({ description: "The provider serving it." }),
      }),
    ),
  })
  .meta({ id: "ModelList" });

/**
 * The deployment as an OpenAI models list, so OpenAI clients given the per-deployment base URL
 * can list before they chat: the one model its endpoint serves, once it has one.
 */
export async function models(id: string): Promise<z.infer<typeof ModelList>> {
  const row = await mine(id);
  const created = Math.floor(Date.parse(row.createdAt) / 1000);
  return {
    object: "list",
    data: row.endpointName
      ? [{ id: row.endpointName, object: "model", created, owned_by: row.provider }]
      : [],
  };
}
