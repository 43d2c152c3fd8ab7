import { tzOffset } from "@date-fns/tz/tzOffset";
import { days, type Schedule } from "./schedule-input";

export { Schedule } from "./schedule-input";

export type Edge = { kind: "start" | "stop"; at: string };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The instant at which the clock in `zone` reads `wall` (wall-clock fields held as a UTC epoch), by
 * Temporal's "compatible" rule: in a spring-forward gap the time moves forward as a wall clock would,
 * in a fall-back's repeated hour it is the first of the two. Done here rather than with TZDate, whose
 * choice in the repeated hour depends on the host's own zone. Zones change offset at most once a day.
 */
function instant(wall: number, zone: string): number {
  const before = tzOffset(zone, new Date(wall - DAY));
  const after = tzOffset(zone, new Date(wall + DAY));
  const fits = (offset: number) => tzOffset(zone, new Date(wall - offset * MINUTE)) === offset;
  if (fits(before)) return wall - before * MINUTE;
  if (fits(after)) return wall - after * MINUTE;
  return wall - before * MINUTE;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** `hh:mm` on local day `day` (a UTC midnight standing for the local date), as epoch ms. */
function localTime(day: number, hhmm: string, zone: string): number {
  const [hour = 0, minute = 0] = hhmm.split(":").map(Number);
  return instant(day + (hour * 60 + minute) * MINUTE, zone);
}

/**
 * The schedule's start and stop instants after `after` (exclusive), up to `horizonDays` ahead,
 * oldest first. Computed in the schedule's zone, so "08:00" is 08:00 local on both sides of a
 * daylight-saving change.
 */
export function edges(schedule: Schedule, after: Date, horizonDays = 8): Edge[] {
  const zone = schedule.timezone;
  const local = new Date(after.getTime() + tzOffset(zone, after) * MINUTE);
  const first = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - 1);
  const out: Edge[] = [];
  for (let d = 0; d <= horizonDays + 1; d++) {
    const day = first + d * DAY;
    const weekday = days[(new Date(day).getUTCDay() + 6) % 7];
    for (const w of schedule.windows) {
      if (!weekday || !w.days.includes(weekday)) continue;
      const open = localTime(day, w.start, zone);
      let close = localTime(day, w.end, zone);
      if (close <= open) close = localTime(day + DAY, w.end, zone);
      out.push({ kind: "start", at: iso(open - schedule.startLeadMinutes * MINUTE) });
      out.push({ kind: "stop", at: iso(close) });
    }
  }
  const t = after.toISOString();
  const sorted = out.sort((a, b) => a.at.localeCompare(b.at) || (a.kind === "stop" ? -1 : 1));
  return merge(sorted).filter((e) => e.at > t);
}

/** Overlapping or touching windows make one active stretch: drop a stop immediately followed by a start. */
function merge(sorted: Edge[]): Edge[] {
  const out: Edge[] = [];
  let depth = 0;
  for (const e of sorted) {
    if (e.kind === "start") {
      if (depth++ === 0) out.push(e);
    } else if (depth > 0 && --depth === 0) out.push(e);
    else if (depth === 0) out.push(e);
  }
  return out.filter(
    (e, i) => !(e.kind === "stop" && out[i + 1]?.kind === "start" && out[i + 1]?.at === e.at),
  );
}

/** Whether `at` falls inside an active window (lead time included). */
export function isActive(schedule: Schedule, at: Date): boolean {
  const next = edges(schedule, at)[0];
  return next?.kind === "stop";
}

/** Human form, e.g. "mon–fri 08:00–19:00 Europe/Paris". */
export function describe(schedule: Schedule): string {
  const windows = schedule.windows.map((w) => `${w.days.join(",")} ${w.start}–${w.end}`).join("; ");
  return `${windows} ${schedule.timezone}`;
}
