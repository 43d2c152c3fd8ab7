import type { ModelSpec, Transfer } from "@hangar/core/provider/index";
import { createFireworksProvider } from "@hangar/core/providers/fireworks/index";
import type { WeightsFile } from "@hangar/core/weights/index";
import type { Child } from "./child";

/**
 * Real signed URLs from the Fireworks simulator, the way a deployment gets them: the provider's
 * startUpload creates a model and calls getUploadEndpoint. Each transfer gets its own model, and
 * `landed` asks the simulator's validateUpload whether every byte arrived.
 */
export function fireworksTargets(sim: Child) {
  const provider = createFireworksProvider({
    apiKey: sim.info.apiKey,
    accountId: sim.info.account,
    baseUrl: sim.url,
  });
  let n = 0;
  return {
    async target(model: ModelSpec, file: WeightsFile): Promise<{ jobId: string; transfer: Transfer }> {
      const upload = await provider.startUpload({
        deploymentId: `dep_bench_upload_${++n}`,
        model,
        files: [{ path: file.path, size: file.size }],
      });
      const transfer = upload.transfers[0];
      if (!transfer) throw new Error(`the simulator gave no upload URL (${upload.raw})`);
      return { jobId: upload.jobId, transfer };
    },
    async landed(jobId: string) {
      const status = await provider.completeUpload!(jobId, {});
      if (status.state !== "complete")
        throw new Error(`upload ${jobId} is ${status.state}: ${status.message}`);
    },
  };
}
