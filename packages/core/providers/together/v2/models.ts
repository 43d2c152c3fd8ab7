import { ProviderError } from "../../../src/provider/error";
import type { TogetherV2Client } from "./client";
import { bareName, fitsType } from "./states";
import type { Wire } from "./wire";

/** What a deployment create names: a model resource and the config that runs it on the hardware. */
export type Placement = { model: string; config?: string };

const refuse = (message: string, code: string, status = 422) =>
  new ProviderError("together", message, { status, code, retryable: false });

const resource = (projectId: string, kind: "models" | "configs", id: string) =>
  `projects/${projectId}/${kind}/${id}`;

const selector = (config: Wire.Config, key: string) => config.selectors.find((s) => s.key === key)?.value;

/** A config whose accelerator selectors describe this instance type. */
export function configFor(configs: Wire.Config[], type: Wire.InstanceType): string | undefined {
  const fits = configs.find((c) => {
    const gpu = selector(c, "accelerator_type");
    const count = Number(selector(c, "accelerator_count") ?? type.gpuCount);
    return gpu !== undefined && fitsType(type, gpu, count);
  });
  return fits && resource(fits.projectId, "configs", fits.id);
}

/** A certified profile of a catalogue model for this instance type. */
export const profileFor = (model: Wire.SupportedModel, type: Wire.InstanceType) =>
  model.deploymentProfiles.find((p) => fitsType(type, p.gpuType, p.gpuCount));

/** The GPU types a model runs on, from its profiles or configs: what `?model=` filters to. */
export function fits(
  model: Wire.SupportedModel | undefined,
  configs: Wire.Config[],
  type: Wire.InstanceType,
) {
  if (model) return profileFor(model, type) !== undefined;
  return configFor(configs, type) !== undefined;
}

/**
 * Where a model name leads on v2, first match wins: a resource name (`projects/…/models/…`), a
 * supported catalogue model (its certified profiles), or one of the project's own models (its
 * configs, else its base model's). v2 has no `?model=` hardware filter; this is its equivalent.
 */
export async function lookupModel(client: TogetherV2Client, name: string) {
  if (name.startsWith("projects/")) {
    const model = name.replace(/\/revisions\/[^/]+$/, "");
    return { kind: "resource" as const, model: name, configs: await client.models.configs(model) };
  }
  const supported = (await client.models.supported({ search: name })).find(
    (m) => m.name === name || m.deploymentProfiles.some((p) => p.modelName === name),
  );
  if (supported) return { kind: "supported" as const, supported };
  const own = (await client.models.list()).find(
    (m) => m.name === name || bareName(m.name) === bareName(name),
  );
  if (!own) return undefined;
  const model = resource(own.projectId, "models", own.id);
  let configs = await client.models.configs(model);
  if (!configs.length && own.baseModelId) {
    configs = await client.models.configs(resource(own.projectId, "models", own.baseModelId));
  }
  return { kind: "own" as const, model, configs };
}

export type ModelLookup = NonNullable<Awaited<ReturnType<typeof lookupModel>>>;

export async function placementFor(
  client: TogetherV2Client,
  name: string,
  type: Wire.InstanceType,
): Promise<Placement> {
  const found = await lookupModel(client, name);
  if (!found) throw refuse(`${name} is not a model Together v2 can deploy`, "model_not_deployable", 404);
  if (found.kind === "supported") {
    const profile = profileFor(found.supported, type);
    if (!profile) {
      throw refuse(`${name} has no deployment profile for ${type.name} at Together`, "hardware_incompatible");
    }
    return { model: profile.model || name, config: profile.config || undefined };
  }
  const config = configFor(found.configs, type);
  // A model without configs at all is left to the server to place; one whose configs name other GPUs can't run here.
  if (!config && found.configs.length) {
    throw refuse(`${name} has no config for ${type.name} at Together`, "hardware_incompatible");
  }
  return { model: found.model, config };
}
