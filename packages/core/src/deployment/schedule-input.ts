import * as z from "zod";

/** A zone Intl knows: the same Intl data schedule.ts computes the edges with. */
function isZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone }).format();
    return true;
  } catch {
    return false;
  }
}

export const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const Window = z
  .object({
    days: z.array(z.enum(days)).min(1).max(7),
    start: z.string().regex(HHMM, "Use HH:MM, 24-hour."),
    end: z.string().regex(HHMM, "Use HH:MM, 24-hour."),
  })
  .refine((w) => w.start !== w.end, {
    message: "A window needs a start and an end that differ.",
    path: ["end"],
  })
  .meta({
    description:
      "Active on these days from start to end, local time; an end before the start runs past midnight.",
  });

export const Schedule = z
  .object({
    timezone: z.string().refine(isZone, { message: "Use an IANA time zone, e.g. Europe/Paris." }),
    windows: z.array(Window).min(1).max(14),
    startLeadMinutes: z
      .number()
      .int()
      .min(0)
      .max(120)
      .default(10)
      .meta({ description: "Start this long before a window opens, so the endpoint serves when it does." }),
  })
  .meta({
    id: "Schedule",
    example: {
      timezone: "Europe/Paris",
      windows: [{ days: ["mon", "tue", "wed", "thu", "fri"], start: "08:00", end: "19:00" }],
    },
  });
export type Schedule = z.output<typeof Schedule>;
