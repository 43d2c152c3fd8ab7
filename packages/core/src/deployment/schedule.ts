import { DateTime } from "luxon";
import { days, type Schedule } from "./schedule-input";

export { Schedule } from "./schedule-input";

export type Edge = { kind: "start" | "stop"; at: string };

function localTime(date: DateTime, hhmm: string) {
  const [hour, minute] = hhmm.split(":").map(Number);
  // In a spring-forward gap luxon moves the time forward, as a wall clock would.
  return date.set({ hour, minute, second: 0, millisecond: 0 });
}

/**
 * The schedule's start and stop instants after `after` (exclusive), up to `horizonDays` ahead,
 * oldest first. Computed in the schedule's zone, so "08:00" is 08:00 local on both sides of a
 * daylight-saving change.
 */
export function edges(schedule: Schedule, after: Date, horizonDays = 8): Edge[] {
  const zone = schedule.timezone;
  const first = DateTime.fromJSDate(after, { zone }).startOf("day").minus({ days: 1 });
  const out: Edge[] = [];
  for (let d = 0; d <= horizonDays + 1; d++) {
    const day = first.plus({ days: d });
    const weekday = days[day.weekday - 1];
    for (const w of schedule.windows) {
      if (!weekday || !w.days.includes(weekday)) continue;
      const open = localTime(day, w.start);
      let close = localTime(day, w.end);
      if (close <= open) close = localTime(day.plus({ days: 1 }), w.end);
      out.push({
        kind: "start",
        at: open.minus({ minutes: schedule.startLeadMinutes }).toUTC().toISO() as string,
      });
      out.push({ kind: "stop", at: close.toUTC().toISO() as string });
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
