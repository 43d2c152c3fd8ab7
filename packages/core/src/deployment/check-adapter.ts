import { VisibleError } from "../error";
import type { ModelSpec, Provider } from "../provider";
import * as Weights from "../weights";
import { sameBase } from "./model-name";
import type { Row, Warning } from "./row";

const CONFIG = "adapter_config.json";
const READ_TIMEOUT_MS = 5000;

function unprocessable(code: string, message: string, details?: unknown): never {
  throw new VisibleError("unprocessable", code, message, details);
}

/** An adapter by `baseModel` alone needs a provider that deploys an adapter on an endpoint of its own. */
export function checkAdapterTarget(provider: Provider, model: { type?: string; baseDeploymentId?: string }) {
  if (model.type !== "adapter" || model.baseDeploymentId || provider.capabilities.adapterEndpoints) return;
  unprocessable(
    "adapter.base_deployment_required",
    `${provider.name} runs a LoRA adapter on dedicated hardware only when it is loaded onto an endpoint of its base model. Deploy the base model first (POST /v1/deployments with allowAdapters: true), then deploy this adapter with model.baseDeploymentId set to that deployment's id instead of baseModel.`,
  );
}

/**
 * The adapter's `adapter_config.json` names the model it was trained on: an adapter for another
 * base is refused; when the base can't be told (no base field, a source Hangar can't read, a
 * base that names no repo) the deployment goes ahead with a warning saying so.
 */
export async function checkAdapterBase(
  model: Omit<ModelSpec, "type"> & { type?: ModelSpec["type"] },
  base: Row | undefined,
): Promise<Warning[]> {
  if (model.type !== "adapter") return [];
  const serves = base?.model.source ?? model.baseModel;
  if (!serves) return [];
  const where = base ? `deployment ${base.id}` : "baseModel";
  let config: unknown;
  try {
    config = await Weights.readJson({ ...model, type: "adapter" }, CONFIG, {
      signal: AbortSignal.timeout(READ_TIMEOUT_MS),
    });
  } catch (error) {
    if (!(error instanceof Weights.WeightsError)) throw error;
    if (error.code === "weights.not_found")
      unprocessable(
        "adapter.config_missing",
        `${error.message}: a LoRA adapter needs an ${CONFIG} (with base_model_name_or_path, r and target_modules) beside its weights.`,
        { adapter: model.source },
      );
    if (error.code === "weights.invalid_content")
      unprocessable("adapter.config_invalid", `${error.message}: a LoRA adapter needs a valid one.`, {
        adapter: model.source,
      });
    return [
      {
        code: "adapter.base_unchecked",
        message: `Hangar could not read the ${CONFIG} of ${model.source} (${error.message}), so it did not check that the adapter was trained on ${serves}.`,
      },
    ];
  }
  const trainedOn = (config as { base_model_name_or_path?: unknown } | null)?.base_model_name_or_path;
  if (typeof trainedOn !== "string" || !trainedOn) {
    return [
      {
        code: "adapter.base_unknown",
        message: `The ${CONFIG} of ${model.source} names no base_model_name_or_path, so Hangar could not check that the adapter was trained on ${serves}.`,
      },
    ];
  }
  const same = sameBase(trainedOn, serves);
  if (same === false) {
    unprocessable(
      "adapter.base_mismatch",
      `${model.source} was trained on ${trainedOn} (base_model_name_or_path in its ${CONFIG}), but ${where} serves ${serves}. Load it onto a deployment of ${trainedOn}, or use an adapter trained on ${serves}.`,
      { adapter: model.source, trainedOn, serves },
    );
  }
  if (same === undefined) {
    return [
      {
        code: "adapter.base_unchecked",
        message: `${model.source} was trained on ${trainedOn}; ${serves} names no Hugging Face repo, so Hangar could not compare the two.`,
      },
    ];
  }
  return [];
}
