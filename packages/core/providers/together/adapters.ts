import type { AdapterStatus } from "../../src/provider";
import type { TogetherClient } from "./client";
import { NotFoundError } from "./errors";
import type { Wire } from "./wire";

type Ref = { endpointId: string; endpointName: string; adapterId: string };

/**
 * Together keeps no state per adapter: one bound to the endpoint is listed and served, so listed
 * means running. The id is the `<endpoint name>:<adapter model>` pair, which is also what
 * inference addresses and what an unbind names.
 */
const bound = (modelId: string): AdapterStatus => ({
  id: modelId,
  name: modelId,
  state: "running",
  raw: "BOUND",
});

const modelIdOf = (a: Wire.Adapter) =>
  a.model_id ?? (a.endpoint_name && a.adapter_name ? `${a.endpoint_name}:${a.adapter_name}` : undefined);

/** LoRA adapters bound to a dedicated endpoint of their base model, through `/endpoints/{id}/adapters`. */
export function adapters(api: () => TogetherClient) {
  const listed = async (endpointId: string, modelId: string) =>
    (await api().endpoints.adapters.list(endpointId)).some((a) => modelIdOf(a) === modelId);

  return {
    /** Listed first, so a redelivered load doesn't bind it twice. */
    async loadAdapter(input: {
      endpointId: string;
      endpointName: string;
      modelName: string;
    }): Promise<AdapterStatus> {
      const modelId = `${input.endpointName}:${input.modelName}`;
      if (await listed(input.endpointId, modelId)) return bound(modelId);
      try {
        const added = await api().endpoints.adapters.add(input.endpointId, { model_id: modelId });
        return bound(added.model_id ?? modelId);
      } catch (error) {
        // A retried POST whose first attempt landed is refused; the listing says it is there.
        if (await listed(input.endpointId, modelId).catch(() => false)) return bound(modelId);
        throw error;
      }
    },

    async getAdapter({ endpointId, adapterId }: Ref): Promise<AdapterStatus | undefined> {
      try {
        return (await listed(endpointId, adapterId)) ? bound(adapterId) : undefined;
      } catch (error) {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }
    },

    async unloadAdapter({ endpointId, adapterId }: Ref): Promise<void> {
      try {
        await api().endpoints.adapters.remove(endpointId, { model_id: adapterId });
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    },
  };
}
