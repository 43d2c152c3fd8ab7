import { edges, isActive, Schedule } from "../deployment/schedule";

/** Estimates take the same schedule deployments do, validated by the same schema. */
export const ScheduleInput = Schedule;
export type { Schedule } from "../deployment/schedule";

const DAY_MS = 86_400_000;

/**
 * The schedule's active stretches inside [from, to), as UTC milliseconds: the same start and
 * stop instants the policy sweeper acts on (start lead included, since that time is billed).
 */
export function activeIntervals(schedule: Schedule, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let open = isActive(schedule, new Date(from)) ? from : undefined;
  for (const edge of edges(schedule, new Date(from), Math.ceil((to - from) / DAY_MS) + 1)) {
    const t = Date.parse(edge.at);
    if (t >= to) break;
    if (edge.kind === "start" && open === undefined) open = t;
    if (edge.kind === "stop" && open !== undefined) {
      out.push([open, t]);
      open = undefined;
    }
  }
  if (open !== undefined) out.push([open, to]);
  return out;
}

export const activeMs = (schedule: Schedule, from: number, to: number) =>
  activeIntervals(schedule, from, to).reduce((sum, [start, end]) => sum + end - start, 0);
