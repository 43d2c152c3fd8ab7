import { VisibleError } from "../error";
import type { Capabilities } from "../provider";
import { assertConfigured, useProvider } from "../provider/registry";
import type { CreateInput } from "./input";
import { mine } from "./query";
import type { Row } from "./row";
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
  const base = await checkBase(input);
  await checkSource(input.model);
  return base;
}
