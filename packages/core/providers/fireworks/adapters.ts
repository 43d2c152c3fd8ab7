import type { AdapterStatus } from "../../src/provider";
import type { FireworksClient } from "./client";
import { NotFoundError } from "./errors";
import { toAdapterStatus } from "./states";

type Ref = { endpointId: string; endpointName: string; adapterId: string };

/** LoRA adapters as Fireworks deployedModels on a deployment created with `enableAddons`. */
export function adapters(api: () => FireworksClient) {
  return {
    /** Ids are server-assigned, so a redelivery is recognised by (model, deployment) instead. */
    async loadAdapter(input: {
      endpointId: string;
      endpointName: string;
      modelName: string;
    }): Promise<AdapterStatus> {
      const fallback = { model: input.modelName, deployment: input.endpointName };
      const loaded = (await api().deployedModels.list()).find(
        (d) =>
          d.model === input.modelName && d.deployment === input.endpointName && d.state !== "UNDEPLOYING",
      );
      if (loaded) return toAdapterStatus(loaded, fallback);
      const created = await api().deployedModels.create({
        model: input.modelName,
        deployment: input.endpointName,
        displayName:
          `${input.modelName.slice(input.modelName.lastIndexOf("/") + 1)} on ${input.endpointId}`.slice(
            0,
            63,
          ),
      });
      return toAdapterStatus(created, fallback);
    },

    async getAdapter({ endpointName, adapterId }: Ref): Promise<AdapterStatus | undefined> {
      try {
        const deployed = await api().deployedModels.get(adapterId);
        return toAdapterStatus(deployed, { model: "", deployment: endpointName });
      } catch (error) {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }
    },

    async unloadAdapter({ adapterId }: Ref): Promise<void> {
      try {
        await api().deployedModels.delete(adapterId);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    },
  };
}
