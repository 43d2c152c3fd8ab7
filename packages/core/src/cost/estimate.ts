import * as z from "zod";
import { AutoscalingInput } from "../deployment/input";
import { VisibleError } from "../error";
import { hardwareList, toPrice } from "../hardware/price";
import { enabledProviders } from "../provider";
import { fn } from "../util/fn";
import { activeIntervals, type Schedule, ScheduleInput } from "./active-hours";
import { costOf, type Micros, toMicros, toUsd } from "./money";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** An average month (365 × 24 / 12), as cloud price sheets use. */
export const HOURS_PER_MONTH = 730;
const HORIZON_DAYS = 30;

export const IdlePolicy = z.object({
  idleTimeoutMinutes: z.number().int().min(1).max(43_200),
  activeHoursPerDay: z
    .number()
    .min(0)
    .max(24)
    .meta({ description: "Your assumption: hours of traffic per day, taken as one block." }),
});

export const EstimateInput = z
  .object({
    provider: z.enum(enabledProviders),
    hardware: z.string().regex(/^[\w.-]{1,100}$/, "A provider hardware id, e.g. 1x_nvidia_h100_80gb_sxm."),
    replicas: z.number().int().min(1).max(64).optional().meta({ description: "A fixed replica count." }),
    autoscaling: AutoscalingInput.optional().meta({
      description: "Instead of replicas: billed at minReplicas, with the maxReplicas figure beside it.",
    }),
    schedule: ScheduleInput.optional(),
    idle: IdlePolicy.optional(),
  })
  .refine((e) => !(e.replicas && e.autoscaling), { message: "Give replicas or autoscaling, not both." });
export type EstimateInput = z.input<typeof EstimateInput>;

/** Billed hours over the next 30 days under a schedule and/or an idle policy. */
export function policyMs(
  policy: { schedule?: Schedule; idle?: z.output<typeof IdlePolicy> },
  now: number,
  days = HORIZON_DAYS,
) {
  const end = now + days * DAY_MS;
  const active = policy.schedule ? activeIntervals(policy.schedule, now, end) : [[now, end] as const];
  const idle = policy.idle;
  if (!idle) return active.reduce((sum, [a, b]) => sum + b - a, 0);
  // Traffic is one block a day inside the schedule; the deployment then runs out its idle timeout.
  const perDay =
    idle.activeHoursPerDay > 0
      ? Math.min(DAY_MS, idle.activeHoursPerDay * HOUR_MS + idle.idleTimeoutMinutes * 60_000)
      : 0;
  let total = 0;
  for (let day = now; day < end; day += DAY_MS) {
    const scheduled = active.reduce(
      (sum, [a, b]) => sum + Math.max(0, Math.min(b, day + DAY_MS) - Math.max(a, day)),
      0,
    );
    total += Math.min(scheduled, perDay);
  }
  return total;
}

function scenario(pricePerHour: Micros, replicas: number, maxReplicas: number, monthlyHours: number) {
  const monthly = costOf(pricePerHour, replicas, monthlyHours * HOUR_MS);
  return {
    hoursPerMonth: Math.round(monthlyHours * 100) / 100,
    hourlyUsd: toUsd(Math.round(monthly / HOURS_PER_MONTH)),
    dailyUsd: toUsd(Math.round((monthly * 24) / HOURS_PER_MONTH)),
    monthlyUsd: toUsd(monthly),
    monthlyUsdAtMaxReplicas: toUsd(costOf(pricePerHour, maxReplicas, monthlyHours * HOUR_MS)),
  };
}

/** Always-on against the schedule and/or idle policy, for one hardware at its current price. */
export const estimate = fn(EstimateInput, async (input, now: number = Date.now()) => {
  const list = await hardwareList(input.provider);
  // An alias (a v1 id on Together v2) prices the same hardware.
  const hardware = list.find((h) => h.id === input.hardware || h.aliases?.includes(input.hardware));
  if (!hardware) {
    const valid = list.map((h) => h.id).sort();
    throw new VisibleError(
      "unprocessable",
      "estimate.unknown_hardware",
      `${input.provider} has no hardware ${input.hardware}. Valid: ${valid.join(", ")}.`,
      { valid },
    );
  }
  const price = toMicros(hardware.pricePerHour);
  const replicas = input.autoscaling?.minReplicas ?? input.replicas ?? 1;
  const maxReplicas = input.autoscaling?.maxReplicas ?? replicas;
  const alwaysOn = scenario(price, replicas, maxReplicas, HOURS_PER_MONTH);
  const policy = input.schedule || input.idle;
  const ms = policy ? policyMs(input, now) : 0;
  const withPolicy = policy
    ? scenario(price, replicas, maxReplicas, (ms / HOUR_MS) * (HOURS_PER_MONTH / (HORIZON_DAYS * 24)))
    : null;
  const saved = withPolicy ? toMicros(alwaysOn.monthlyUsd) - toMicros(withPolicy.monthlyUsd) : 0;
  return {
    provider: input.provider,
    hardware: input.hardware,
    price: toPrice(hardware),
    replicas: { billed: replicas, max: maxReplicas },
    alwaysOn,
    withPolicy,
    savings: withPolicy
      ? {
          monthlyUsd: toUsd(saved),
          percent: alwaysOn.monthlyUsd ? Math.round((saved / toMicros(alwaysOn.monthlyUsd)) * 1000) / 10 : 0,
        }
      : null,
    hoursPerWeek: withPolicy ? Math.round((ms / HOUR_MS) * (7 / HORIZON_DAYS) * 100) / 100 : 168,
  };
});
