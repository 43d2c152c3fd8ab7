import { Cron } from "croner";

/** Given the last planned fire time, returns the next one. */
export type NextFire = (after: number) => number;

const UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/**
 * Parses an EventBridge schedule expression: `rate(N minute|minutes|hour|hours|day|days)`
 * or the 6-field `cron(minutes hours day-of-month month day-of-week year)`, evaluated in UTC.
 * `speedUp` divides rate periods (cron times are wall-clock and are not sped up).
 */
export function parseSchedule(expression: string, speedUp = 1): NextFire {
  const rate = /^rate\((\d+)\s+(minute|hour|day)s?\)$/.exec(expression.trim());
  if (rate) {
    const period = (Number(rate[1]) * UNITS[rate[2]!]!) / speedUp;
    if (!(period > 0)) throw new Error(`Invalid schedule expression: ${expression}`);
    return (after) => after + period;
  }
  const cron = /^cron\((.+)\)$/.exec(expression.trim());
  if (cron) {
    const fields = cron[1]!.trim().split(/\s+/);
    if (fields.length !== 6) throw new Error(`A cron expression needs 6 fields: ${expression}`);
    // EventBridge numbers weekdays 1-7 from Sunday (Quartz style) and writes steps as `0/15`.
    const job = new Cron(`0 ${fields.join(" ")}`, {
      mode: "7-part",
      timezone: "UTC",
      alternativeWeekdays: true,
      sloppyRanges: true,
      paused: true,
    });
    return (after) => {
      const next = job.nextRun(new Date(after));
      if (!next) throw new Error(`${expression} never fires again`);
      return next.getTime();
    };
  }
  throw new Error(`Unsupported schedule expression: ${expression}`);
}
