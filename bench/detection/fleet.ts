import type { EndpointStatus, ProgressPhase, Provider } from "@hangar/core/provider/index";
import { Snapshots } from "@hangar/core/provider/snapshot";
import { nextCheckDelay } from "@hangar/core/timing/cadence";
import type { Fit } from "@hangar/core/timing/fit";
import { POLICY } from "./run";
import { type Provisioning, phaseAt } from "./world";

type Member = {
  id: string;
  start: number;
  p: Provisioning;
  history?: Fit;
  tail?: Fit;
  checks: number;
  next: number;
  seen?: { name: ProgressPhase; at: number };
  noticed?: number;
};

/**
 * N provisionings of one account started within a minute, checked by the real cadence and read
 * through the real Snapshots on a simulated clock. Each check lands on one of `containers` worker
 * containers at random (each keeps its own snapshots, as Lambda containers do). Counts provider calls.
 */
export async function fleet(
  members: Omit<Member, "checks" | "next">[],
  options: { tickSeconds: number; containers?: number; rand?: () => number },
) {
  let now = 0;
  let calls = 0;
  const byId = new Map(members.map((m) => [m.id, { ...m, checks: 0, next: m.start + POLICY.min } as Member]));
  const status = (m: Member): EndpointStatus => {
    const phase = phaseAt(m.p, now - m.start);
    return {
      id: m.id,
      name: m.id,
      raw: phase,
      state: phase === "ready" ? "running" : "pending",
      progress: { phase },
    };
  };
  const provider = {
    name: "fireworks",
    async getEndpoint(id: string) {
      calls++;
      const m = byId.get(id);
      return m && status(m);
    },
    async listEndpoints() {
      calls++;
      return [...byId.values()].filter((m) => m.start <= now).map(status);
    },
  } as unknown as Provider;
  const containers = Array.from(
    { length: options.containers ?? 1 },
    () => new Snapshots({ tickMs: () => options.tickSeconds * 1000, clock: () => now * 1000 }),
  );
  const pick = () => containers[Math.floor((options.rand?.() ?? 0) * containers.length)] as Snapshots;
  for (;;) {
    const due = [...byId.values()].filter((m) => m.noticed === undefined).sort((a, b) => a.next - b.next)[0];
    if (!due) break;
    now = due.next;
    const ep = await pick().read(provider, due.id, (listed) => listed.state === "pending");
    due.checks++;
    const phase = ep?.progress?.phase;
    if (ep?.state === "running") {
      due.noticed = now;
      continue;
    }
    if (phase && phase !== due.seen?.name) due.seen = { name: phase, at: now };
    const elapsed = now - due.start;
    due.next =
      now +
      nextCheckDelay({
        elapsed,
        checks: due.checks + 1,
        history: due.history,
        tail: due.tail,
        phase: due.seen && { name: due.seen.name, elapsed: now - due.seen.at },
        policy: POLICY,
      });
  }
  const lags = [...byId.values()].map((m) => (m.noticed as number) - m.start - m.p.ready);
  return { calls, perDeployment: calls / members.length, lags };
}
