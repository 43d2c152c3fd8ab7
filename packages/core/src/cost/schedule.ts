import { z } from "zod";

export const weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM, 24-hour.");

export const Window = z
  .object({
    days: z
      .array(z.enum(weekdays))
      .min(1)
      .max(7)
      .meta({ example: ["mon", "tue", "wed", "thu", "fri"] }),
    start: Time.meta({ example: "08:00" }),
    end: Time.meta({ example: "19:00" }),
  })
  .refine((w) => w.start !== w.end, {
    message: "A window needs a start and an end that differ.",
    path: ["end"],
  })
  .meta({
    description: "Active from start to end local time on each day; an end before start runs overnight.",
  });

export const ScheduleInput = z
  .object({
    timezone: z
      .string()
      .refine(isTimeZone, "An IANA time zone, e.g. Europe/Paris.")
      .meta({ example: "Europe/Paris" }),
    windows: z.array(Window).min(1).max(14),
    startLeadMinutes: z
      .number()
      .int()
      .min(0)
      .max(120)
      .default(10)
      .meta({ description: "A scheduled deployment starts this long before each window opens; billed too." }),
  })
  .meta({
    description: "When the deployment runs each week, in local time: the shape deployment schedules take.",
  });
export type Schedule = z.output<typeof ScheduleInput>;

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string) {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at an instant, read as if it were UTC: its offset is the difference. */
function wallClock(ms: number, timeZone: string) {
  const parts = Object.fromEntries(
    format(timeZone)
      .formatToParts(ms)
      .map((p) => [p.type, Number(p.value)]),
  );
  return Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour,
    parts.minute,
    parts.second,
  );
}

const offset = (ms: number, timeZone: string) => wallClock(ms, timeZone) - Math.floor(ms / 1000) * 1000;

/**
 * The instant a local wall time names. Offsets are read twice because the offset at the
 * guess may differ from the offset at the answer across a DST change; a time skipped by
 * the change lands just after it.
 */
export function zonedToUtc(wall: number, timeZone: string) {
  const first = wall - offset(wall, timeZone);
  const second = wall - offset(first, timeZone);
  return second;
}

const DAY_MS = 86_400_000;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/**
 * The schedule's active intervals inside [from, to), merged, as UTC milliseconds. Built from
 * local dates and wall times, so a window keeps its local hours across DST changes and the
 * real elapsed time is what counts.
 */
export function activeIntervals(schedule: Schedule, from: number, to: number): [number, number][] {
  const intervals: [number, number][] = [];
  const first = wallClock(from, schedule.timezone);
  const firstDay = Math.floor(first / DAY_MS) * DAY_MS - DAY_MS;
  for (let day = firstDay; day <= firstDay + (to - from) + 2 * DAY_MS; day += DAY_MS) {
    const weekday = weekdays[new Date(day).getUTCDay()];
    for (const w of schedule.windows) {
      if (!weekday || !w.days.includes(weekday)) continue;
      const startWall = day + (minutes(w.start) - schedule.startLeadMinutes) * 60_000;
      const endWall = day + minutes(w.end) * 60_000 + (w.end <= w.start ? DAY_MS : 0);
      const start = Math.max(from, zonedToUtc(startWall, schedule.timezone));
      const end = Math.min(to, zonedToUtc(endWall, schedule.timezone));
      if (end > start) intervals.push([start, end]);
    }
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of intervals) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export const activeMs = (schedule: Schedule, from: number, to: number) =>
  activeIntervals(schedule, from, to).reduce((sum, [start, end]) => sum + end - start, 0);
