import type { ReadyContext } from "./ready";

/**
 * Together calls to bring `count` deployments from create to ready on one API generation, all
 * created at once: the simulator's per-route counters after a reset, read once every
 * `deployment.ready` webhook has arrived. Latency is measured on v1 (ready.ts, whose timeline
 * reads v1 wire shapes); this is the calls side, for v1 and v2 next to each other.
 */
export async function measureCalls(
  ctx: ReadyContext,
  count: number,
  options: { source: string; apiVersion: "v1" | "v2" },
): Promise<Record<string, number>> {
  await ctx.sim.reset();
  const created = await Promise.all(
    Array.from({ length: count }, () =>
      ctx.api<{ id: string }>("/v1/deployments", {
        provider: "together",
        apiVersion: options.apiVersion,
        model: { source: options.source },
        hardware: "1x_nvidia_h100_80gb_sxm",
      }),
    ),
  );
  await ctx.receiver.waitForAll(
    created.map((d) => d.id),
    "deployment.ready",
    90_000,
  );
  return (await ctx.sim.state()).calls;
}
