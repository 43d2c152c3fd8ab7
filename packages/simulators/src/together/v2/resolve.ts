import type { SimState } from "../state";
import { findConfig, type SimConfig } from "./configs";
import { findModel } from "./lookup";
import { latestRevision, revisionStatus, type SimRevision, type SimV2Model } from "./models";

const MODEL = /^projects\/([^/]+)\/models\/([^/]+)(?:\/revisions\/([^/]+))?$/;
const CONFIG = /^projects\/([^/]+)\/configs\/([^/]+)$/;

export type Resolved =
  | { ok: true; model: SimV2Model; revision: SimRevision; config: SimConfig }
  | { ok: false; status: 400 | 404; message: string };

/**
 * What a deployment create names: `model` (`projects/{p}/models/{m}[/revisions/{rv}]`, latest
 * revision when unpinned) and `config` (`projects/{p}/configs/{cr}`), or their deprecated ids.
 */
export function resolveDeployable(
  state: SimState,
  input: { model?: string; modelId?: string; modelRevisionId?: string; config?: string; configId?: string },
): Resolved {
  const m = input.model ? MODEL.exec(input.model) : undefined;
  if (input.model && !m)
    return {
      ok: false,
      status: 400,
      message: `invalid model: ${input.model}; use projects/{projectId}/models/{modelId}`,
    };
  const modelId = m?.[2] ?? input.modelId;
  if (!modelId) return { ok: false, status: 400, message: "model is required" };
  const model = findModel(state, modelId);
  if (!model) return { ok: false, status: 404, message: `model ${modelId} not found` };
  if (model.revisions.length === 0)
    return { ok: false, status: 400, message: "the model has no revisions to deploy" };
  const pinned = m?.[3] ?? input.modelRevisionId;
  const revision = pinned ? model.revisions.find((r) => r.id === pinned) : latestRevision(model);
  if (!revision)
    return { ok: false, status: 404, message: `revision ${pinned} of model ${modelId} not found` };
  const status = revisionStatus(state, revision);
  if (status !== "REVISION_VALIDATION_STATUS_SUCCESS")
    return {
      ok: false,
      status: 400,
      message: `the model revision ${revision.id} has not passed validation (${status})`,
    };
  const c = input.config ? CONFIG.exec(input.config) : undefined;
  if (input.config && !c)
    return {
      ok: false,
      status: 400,
      message: `invalid config: ${input.config}; use projects/{projectId}/configs/{configId}`,
    };
  const configId = c?.[2] ?? input.configId;
  if (!configId)
    return {
      ok: false,
      status: 400,
      message:
        "config is required; list configs for the model with GET /projects/{projectId}/configs?referenceModel=…",
    };
  const config = findConfig(state, configId);
  if (!config) return { ok: false, status: 404, message: `config ${configId} not found` };
  const compatible = config.model.id === model.id || config.model.id === model.baseModelId;
  if (!compatible)
    return { ok: false, status: 400, message: `config ${configId} is not compatible with model ${model.id}` };
  return { ok: true, model, revision, config };
}
