import { SetQueueAttributesCommand } from "@aws-sdk/client-sqs";
import { Config } from "@hangar/core/config";
import { sqsClient } from "@hangar/core/util/aws";
import { startBaseline } from "./baseline";
import { combine, type LoadResult, load } from "./load";

export type ThroughputSettings = {
  requests: number;
  concurrency: number;
  warmup: number;
  /** The requests are split into this many rounds, interleaved across targets, so drift (JIT, table growth) hits all alike. */
  rounds: number;
  maxMs: number;
};
export type Throughput = { hangar: LoadResult; baseline: LoadResult; sameCalls: LoadResult };

const body = JSON.stringify({
  provider: "together",
  model: { source: "Qwen/Qwen2.5-7B-Instruct" },
  hardware: "1x_nvidia_h100_80gb_sxm",
});

/**
 * The jobs queue delays every message that doesn't set its own delay (create's first step
 * doesn't) by 15 minutes, so the in-process worker sits idle while the API is measured, as
 * the baseline's own queue does. Left in place until the stack stops: this is the last phase.
 */
async function pauseWorker() {
  await sqsClient().send(
    new SetQueueAttributesCommand({ QueueUrl: Config.jobsQueueUrl(), Attributes: { DelaySeconds: "900" } }),
  );
}

/** POST /v1/deployments against bare routes doing a create's floor and a create's AWS calls. */
export async function measureThroughput(
  stack: { apiUrl: string; apiKey: string },
  settings: ThroughputSettings,
): Promise<Throughput> {
  await pauseWorker();
  const baseline = await startBaseline();
  try {
    const json = { "content-type": "application/json" };
    const targets = {
      hangar: {
        url: `${stack.apiUrl}/v1/deployments`,
        headers: { ...json, authorization: `Bearer ${stack.apiKey}` },
      },
      baseline: { url: `${baseline.url}/baseline`, headers: json },
      sameCalls: { url: `${baseline.url}/same-calls`, headers: json },
    };
    const run = async (target: keyof Throughput, requests: number) => {
      const { concurrency, maxMs } = settings;
      const result = await load({ ...targets[target], body, requests, concurrency, maxMs });
      if (result.ok === 0)
        throw new Error(`every request to ${target} failed: ${result.failures.join("; ")}`);
      return result;
    };
    for (const target of ["baseline", "sameCalls", "hangar"] as const) await run(target, settings.warmup);
    const rounds: Record<keyof Throughput, LoadResult[]> = { baseline: [], sameCalls: [], hangar: [] };
    for (let round = 0; round < settings.rounds; round++) {
      for (const target of ["baseline", "sameCalls", "hangar"] as const)
        rounds[target].push(await run(target, Math.ceil(settings.requests / settings.rounds)));
    }
    return {
      hangar: combine(rounds.hangar),
      baseline: combine(rounds.baseline),
      sameCalls: combine(rounds.sameCalls),
    };
  } finally {
    await baseline.stop();
  }
}
