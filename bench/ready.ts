import type { Exchange } from "@hangar/simulators/together/index";
import { defaultSteps } from "@hangar/simulators/together/state";
import type { apiClient, simClient } from "./client";
import type { Delivery, startReceiver } from "./receiver";

export type ReadyContext = {
  api: ReturnType<typeof apiClient>;
  sim: ReturnType<typeof simClient>;
  receiver: Awaited<ReturnType<typeof startReceiver>>;
  /** The simulator's TOGETHER_SIM_TIME_SCALE as the stack started it. */
  timeScale: number;
};

/** Per deployment, in ms since the epoch (one process, one clock). */
export type Timeline = {
  id: string;
  created: number;
  /** When the endpoint was created at the provider (its created_at). */
  endpointCreated: number;
  /** When the simulator's schedule made the endpoint STARTED. */
  becameStarted: number;
  /** The first simulator response about this endpoint that showed it STARTED. */
  firstReported: number;
  /** The route of that response: a GET of the endpoint, or a list (another deployment's lookup). */
  reportedBy: string;
  /** The event's timestamp: when the ready transition was committed. */
  committed: number;
  webhook: number;
};

export type ReadyResult = {
  timelines: Timeline[];
  calls: Record<string, number>;
  exchanges: number;
  restarted: number;
};

type Body = { id?: string; state?: string; created_at?: string; data?: Body[] } | undefined;

function showsStarted(exchange: Exchange, endpointId: string): boolean {
  const body = exchange.response.body as Body;
  if (!body || typeof body !== "object") return false;
  const items = Array.isArray(body.data) ? body.data : [body];
  return items.some((item) => item?.id === endpointId && item.state === "STARTED");
}

/**
 * Creates `count` deployments (all at once, or each after the previous one is ready), waits for
 * every `deployment.ready` webhook, then reads the simulator's exchange log (each entry is
 * timestamped when its response was built) to place each deployment's STARTED moments on the
 * same clock as the webhook's arrival.
 */
export async function measureReady(
  ctx: ReadyContext,
  count: number,
  options: { source: (i: number) => string; sequential?: boolean },
): Promise<ReadyResult> {
  await ctx.sim.reset();
  const create = async (i: number) => {
    const at = Date.now();
    // The timeline reads v1 wire shapes (STARTED, created_at): measured on v1; v2 calls in calls.ts.
    const dep = await ctx.api<{ id: string }>("/v1/deployments", {
      provider: "together",
      apiVersion: "v1",
      model: { source: options.source(i) },
      hardware: "1x_nvidia_h100_80gb_sxm",
    });
    return { id: dep.id, at };
  };
  const wait = (ids: string[]) => ctx.receiver.waitForAll(ids, "deployment.ready", 90_000);
  const created: { id: string; at: number }[] = [];
  const hooks = new Map<string, Delivery>();
  if (options.sequential) {
    for (let i = 0; i < count; i++) {
      const one = await create(i);
      created.push(one);
      for (const [id, hook] of await wait([one.id])) hooks.set(id, hook);
    }
  } else {
    created.push(...(await Promise.all(Array.from({ length: count }, (_, i) => create(i)))));
    for (const [id, hook] of await wait(created.map((c) => c.id))) hooks.set(id, hook);
  }
  const [state, exchanges] = await Promise.all([ctx.sim.state(), ctx.sim.exchanges()]);
  if (exchanges.length >= 2_000)
    throw new Error("the simulator's exchange log (2000 entries) overflowed; use fewer deployments");

  const startMs = (defaultSteps.endpointPendingMs + defaultSteps.endpointStartingMs) * ctx.timeScale;
  let restarted = 0;
  const timelines: Timeline[] = [];
  for (const { id, at } of created) {
    const hook = hooks.get(id);
    const endpointId = hook?.data.upstream.endpointId;
    if (!hook || !endpointId) throw new Error(`deployment ${id} became ready without an endpoint id`);
    const create = exchanges.find(
      (e) => e.route === "POST /v1/endpoints" && (e.response.body as Body)?.id === endpointId,
    );
    const createdAt = (create?.response.body as Body)?.created_at;
    if (!createdAt) throw new Error(`no POST /v1/endpoints exchange for ${endpointId}`);
    // A PATCH {state} replans the start, so the create-time schedule no longer holds.
    if (exchanges.some((e) => e.method === "PATCH" && e.path.endsWith(endpointId))) {
      restarted++;
      continue;
    }
    // Any response counts, including a list or another deployment's findEndpoint probe.
    const first = exchanges.find((e) => showsStarted(e, endpointId));
    if (!first) throw new Error(`no simulator response showed ${endpointId} STARTED`);
    timelines.push({
      id,
      created: at,
      endpointCreated: Date.parse(createdAt),
      becameStarted: Date.parse(createdAt) + startMs,
      firstReported: Date.parse(first.at),
      reportedBy: first.route,
      committed: Date.parse(hook.timestamp),
      webhook: hook.at,
    });
  }
  return { timelines, calls: state.calls, exchanges: exchanges.length, restarted };
}
