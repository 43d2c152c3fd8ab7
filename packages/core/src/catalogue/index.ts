import { createHash } from "node:crypto";
import * as z from "zod";
import { uploads } from "../deployment/query";
import { type DeployableModel, enabledProviders, type ProviderName } from "../provider";
import { assertConfigured, useProvider } from "../provider/lookup";
import { fn } from "../util/fn";

export const ListInput = z.object({ provider: z.enum(enabledProviders) });

export const Model = z
  .object({
    id: z
      .string()
      .meta({ description: "What `model.source` takes to deploy it.", example: "Qwen/Qwen2.5-7B-Instruct" }),
    kind: z.enum(["catalogue", "upload"]).meta({
      description: "The provider's base model, or one Hangar uploaded for one of your deployments.",
    }),
    displayName: z.string().nullable(),
    type: z.string().nullable(),
    contextLength: z.number().int().nullable(),
    hardware: z.array(z.string()).nullable().meta({
      description:
        "Hardware ids it fits, where the provider's list says; null: ask GET /v1/hardware?provider=…&model=….",
    }),
    deploymentId: z.string().nullable().meta({ description: "Uploads: the deployment the upload was for." }),
  })
  .meta({ id: "DeployableModel" });
export type Model = z.infer<typeof Model>;

/**
 * Gateways cache a provider's catalogue; so does Hangar, for 30 minutes per provider and
 * account, in the memory of each API function instance (a cold start reads it afresh). Uploads
 * come from Hangar's own records, so they are always current.
 */
const TTL_MS = 30 * 60 * 1000;
const cache = new Map<string, { at: number; models: Promise<DeployableModel[]> }>();

function account(provider: ProviderName): string {
  const secret = provider === "together" ? process.env.TOGETHER_API_KEY : process.env.FIREWORKS_ACCOUNT_ID;
  return `${provider}:${createHash("sha256")
    .update(secret ?? "")
    .digest("hex")
    .slice(0, 16)}`;
}

function cached(provider: ProviderName, now = Date.now()) {
  const k = account(provider);
  const hit = cache.get(k);
  if (hit && now - hit.at < TTL_MS) return hit.models;
  const models = useProvider(provider).then((p) => p.catalogue());
  cache.set(k, { at: now, models });
  // A failed read is not kept: the next request asks again.
  models.catch(() => cache.delete(k));
  return models;
}

/** What the provider can deploy for the caller: its catalogue, and the caller's own uploads. */
export const list = fn(ListInput, async (input) => {
  assertConfigured(input.provider);
  const [catalogue, own] = await Promise.all([cached(input.provider), uploads(input.provider)]);
  return {
    data: [
      ...own.map(
        (u): Model => ({
          id: u.modelName,
          kind: "upload",
          displayName: `${u.name} (${u.source})`,
          type: null,
          contextLength: null,
          hardware: null,
          deploymentId: u.deploymentId,
        }),
      ),
      ...catalogue.map(
        (m): Model => ({
          id: m.id,
          kind: "catalogue",
          displayName: m.displayName ?? null,
          type: m.type ?? null,
          contextLength: m.contextLength ?? null,
          hardware: m.hardware ?? null,
          deploymentId: null,
        }),
      ),
    ],
  };
});
