import { Config } from "../config";
import { VisibleError } from "../error";
import type { ApiVersion, Capabilities, Hardware, Provider } from "../provider";
import { assertConfigured, useProvider } from "../provider/lookup";
import { checkAdapterBase, checkAdapterTarget } from "./check-adapter";
import { checkHardware } from "./check-hardware";
import type { CreateInput, UpdateInput } from "./input";
import { mine } from "./query";
import { apiVersionOf, type Row } from "./row";
import { checkSource } from "./source";

type Parsed = Omit<CreateInput, "autoscaling"> & {
  autoscaling: { minReplicas: number; maxReplicas: number };
};

function unprocessable(code: string, message: string, details?: unknown): never {
  throw new VisibleError("unprocessable", code, message, details);
}

/** What a provider can't do is refused up front, before anything is written or created. */
export function checkCapabilities(
  provider: string,
  caps: Capabilities,
  input: Omit<Parsed, "provider" | "model">,
) {
  if (input.precision !== undefined) {
    if (caps.precisions.length === 0) {
      unprocessable(
        "deployment.precision_unsupported",
        `${provider} does not take a precision; leave it out.`,
      );
    }
    if (!caps.precisions.includes(input.precision)) {
      unprocessable(
        "deployment.precision_invalid",
        `${input.precision} is not a precision ${provider} accepts. Use one of: ${caps.precisions.join(", ")}.`,
        { valid: caps.precisions },
      );
    }
  }
  if ((input.scaleToZero || input.autoscaling.minReplicas === 0) && !caps.scaleToZero) {
    unprocessable(
      "deployment.scale_to_zero_unsupported",
      `${provider} endpoints don't wake on a request from zero replicas: use minReplicas ≥ 1, and idleTimeoutMinutes to stop idle endpoints.`,
    );
  }
  if (input.allowAdapters && !caps.adapters) {
    unprocessable(
      "deployment.adapters_unsupported",
      `${provider} can't load adapters onto a deployment here.`,
    );
  }
}

/** For an adapter loaded onto a deployment: the caller's base deployment, able to take it. */
export async function checkBase(input: Parsed): Promise<Row | undefined> {
  const baseId = input.model.baseDeploymentId;
  if (!baseId) return undefined;
  const base = await mine(baseId).catch((error: unknown) => {
    if (error instanceof VisibleError && error.kind === "not_found") {
      unprocessable("deployment.base_not_found", `No deployment ${baseId} to load the adapter onto.`);
    }
    throw error;
  });
  if (base.provider !== input.provider) {
    unprocessable("deployment.base_invalid", `${baseId} runs on ${base.provider}, not ${input.provider}.`);
  }
  if (!base.allowAdapters) {
    unprocessable(
      "deployment.base_invalid",
      `${baseId} was not created with allowAdapters: true; adapters can't be loaded onto it.`,
    );
  }
  if (["deleting", "deleted", "failed"].includes(base.state)) {
    unprocessable("deployment.base_invalid", `${baseId} is ${base.state}.`, { state: base.state });
  }
  return base;
}

/**
 * Everything a create can be refused for, checked before anything is written or created, so a
 * mistake is a 422 and never a 202 that fails later (a replay with the same Idempotency-Key runs
 * the same checks and is refused the same way). Answers the base deployment of an adapter loaded
 * onto one, the hardware with its price, and what could not be checked.
 */
export async function checkCreate(input: Parsed) {
  assertConfigured(input.provider);
  const provider = useProvider(input.provider);
  checkCapabilities(provider.name, provider.capabilities, input);
  if (input.model.baseDeploymentId && !provider.capabilities.adapters) {
    unprocessable(
      "deployment.adapters_unsupported",
      `${provider.name} can't load adapters onto a deployment here.`,
    );
  }
  checkAdapterTarget(provider, input.model);
  const base = await checkBase(input);
  const apiVersion = checkApiVersion(input, base);
  const checked = base
    ? { warnings: [] }
    : await checkHardware(
        provider.name,
        input.hardware as string,
        knownModel(provider, input.model),
        apiVersion,
      );
  if (input.region) checkRegion(input.region, checked.hardware, apiVersion);
  await checkSource(input.model);
  const adapterWarnings = await checkAdapterBase(input.model, base);
  return {
    base,
    apiVersion,
    hardware: checked.hardware,
    warnings: [...checked.warnings, ...adapterWarnings],
  };
}

/** Together only: the generation asked for, else the setting's; an adapter loaded onto a base lives on the base's. */
function checkApiVersion(input: Parsed, base: Row | undefined): ApiVersion | undefined {
  if (input.provider !== "together") {
    if (input.apiVersion) {
      unprocessable(
        "deployment.api_version_unsupported",
        `apiVersion is for Together deployments (v1 or v2); ${input.provider} has one API. Leave it out.`,
      );
    }
    if (input.region) {
      unprocessable(
        "deployment.region_unsupported",
        `${input.provider} does not place deployments by region here; leave region out.`,
      );
    }
    return undefined;
  }
  const apiVersion = base ? (base.apiVersion ?? "v1") : (input.apiVersion ?? Config.togetherApi());
  if (input.region && apiVersion !== "v2") {
    unprocessable(
      "deployment.region_unsupported",
      "Regions are chosen on Together v2 only; leave region out or deploy with apiVersion v2.",
    );
  }
  return apiVersion;
}

/** The region must be one the instance type runs in (an unchecked hardware id leaves it to the provider). */
function checkRegion(region: { name: string }, hardware: Hardware | undefined, apiVersion?: ApiVersion) {
  const regions = hardware?.regions;
  if (!regions?.length || regions.some((r) => r.name === region.name)) return;
  const valid = regions.map((r) => r.name);
  unprocessable(
    "deployment.region_invalid",
    `${hardware?.id} does not run in ${region.name} at Together ${apiVersion}. Use one of: ${valid.join(", ")} (GET /v1/hardware?provider=together shows each region's headroom).`,
    { region: region.name, hardware: hardware?.id, valid },
  );
}

/** The model's name at the provider when it serves it already, so hardware is listed for that model. */
function knownModel(provider: Provider, model: Parsed["model"]) {
  return provider.needsUpload({ ...model, type: model.type ?? "model" }) ? undefined : model.source;
}

/**
 * What an update can be refused for, before it is recorded: `allowAdapters` is fixed when the
 * endpoint is created, and a new hardware id must be one the provider offers for the model.
 */
export async function checkUpdate(id: string, input: Pick<UpdateInput, "allowAdapters" | "hardware">) {
  const row = await mine(id);
  if (input.allowAdapters !== undefined && input.allowAdapters !== (row.allowAdapters ?? false)) {
    unprocessable(
      "deployment.allow_adapters_immutable",
      `allowAdapters is set when a deployment's endpoint is created and can't be changed on ${id}. To ${input.allowAdapters ? "load adapters" : "stop taking adapters"}, create a new deployment of the same model and hardware with allowAdapters: ${input.allowAdapters}, move your traffic to it, then delete ${id}.`,
      { allowAdapters: row.allowAdapters ?? false },
    );
  }
  if (!input.hardware || input.hardware === row.hardware || row.model.baseDeploymentId) return;
  const provider = useProvider(row.provider);
  const model = row.modelName ?? knownModel(provider, row.model);
  const checked = await checkHardware(row.provider, input.hardware, model, apiVersionOf(row));
  return checked.hardware?.id;
}
