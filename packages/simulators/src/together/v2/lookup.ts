import { uploadedModel } from "../jobs";
import type { SimState } from "../state";
import { stableId } from "./ids";
import { platformModels, type SimV2Model, weightFiles } from "./models";
import { advanceUploads } from "./uploads";

/**
 * Models a v1 upload completed are the project's too (one account, two APIs): each gets a v2
 * record with one validated revision, once.
 */
function adoptV1Models(state: SimState) {
  const names = new Set([...state.v2.models.values()].map((m) => m.name));
  for (const id of [...state.models.keys()]) {
    const m = uploadedModel(state, id);
    const name = id.slice(state.owner.length + 1);
    if (!m || names.has(name)) continue;
    const base = m.base_model ? platformModels(state).find((p) => p.name === m.base_model) : undefined;
    const created = m.created * 1000;
    state.v2.models.set(stableId("ml", m.uuid), {
      id: stableId("ml", m.uuid),
      name,
      projectId: state.v2.project.id,
      type: m.type,
      ...(base ? { baseModelId: base.id } : {}),
      visibility: "VISIBILITY_PRIVATE",
      createdAt: created,
      revisions: [
        {
          id: stableId("rv", m.uuid),
          createdAt: created,
          validatedAt: created,
          files: weightFiles(m.memoryGb),
        },
      ],
      memoryGb: m.memoryGb,
    });
  }
}

export function allModels(state: SimState): SimV2Model[] {
  advanceUploads(state);
  adoptV1Models(state);
  return [...state.v2.models.values(), ...platformModels(state)];
}

export function findModel(state: SimState, id: string): SimV2Model | undefined {
  return allModels(state).find((m) => m.id === id || (m.platform && m.name === id));
}

export function projectModel(state: SimState, id: string): SimV2Model | undefined {
  const model = findModel(state, id);
  return model && !model.platform ? model : undefined;
}
