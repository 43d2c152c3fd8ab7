import * as z from "zod";
import { PriceInfo } from "../hardware/info";
import { providerNames } from "../provider";
import { stopKinds } from "./accrual";

export { PriceInfo };

const Usd = (description: string) => z.number().meta({ description: `USD. ${description}` });

export const CostTotals = z.object({
  costUsd: Usd("Accrued: billed time × replicas × price per replica-hour."),
  billableHours: z.number().meta({
    description: "Wall-clock hours in a billed state (provisioning, ready, updating, starting, stopping).",
  }),
  replicaHours: z.number().meta({ description: "Billed hours × replicas." }),
  alwaysOnUsd: Usd("What the same period would have cost without any stop: costUsd + savingsUsd."),
  savingsUsd: Usd(
    "What the stops avoided: stopped time after the deployment first became ready, at its replicas and price.",
  ),
  savingsByReason: z
    .record(z.enum(stopKinds), z.number())
    .meta({ description: "savingsUsd by what stopped the deployment (the stop reason's prefix)." }),
  unpricedHours: z.number().meta({
    description: "Billed or stopped hours on hardware with no known price; not in the USD figures.",
  }),
  basis: z.enum(["min_replicas", "live_replicas", "mixed"]).meta({
    description:
      "Which replica count the cost rests on. `live_replicas`: the replicas the provider reported serving (Together v2 `readyReplicas`, Fireworks' ready replicas), recorded at each state change and whenever the count moves while ready; `min_replicas`: the provider doesn't report them (Together v1), so autoscaling.minReplicas is billed as a floor and autoscaled replicas above it are not counted; `mixed`: some of each.",
  }),
});

export const DeploymentCost = CostTotals.extend({
  deploymentId: z.string(),
  name: z.string(),
  provider: z.enum(providerNames),
  from: z.string(),
  to: z.string(),
  prices: z.array(
    PriceInfo.extend({
      kept: z.boolean().meta({
        description:
          "True: the price kept when the deployment was created. False: today's price (none was kept, or the hardware changed since).",
      }),
    }),
  ),
}).meta({ id: "DeploymentCost" });

export const CostGroup = CostTotals.extend({
  key: z.string().meta({ description: "The deployment id, the provider, or the UTC day (YYYY-MM-DD)." }),
  name: z.string().optional().meta({ description: "The deployment's name, when grouped by deployment." }),
});

export const TenantCost = z
  .object({
    from: z.string(),
    to: z.string(),
    groupBy: z.enum(["deployment", "provider", "day"]),
    total: CostTotals,
    groups: z.array(CostGroup),
  })
  .meta({ id: "Cost" });

const Scenario = z.object({
  hoursPerMonth: z.number().meta({ description: "Billed hours in an average month (730 hours)." }),
  hourlyUsd: Usd("monthlyUsd spread over every hour of the month."),
  dailyUsd: Usd("monthlyUsd spread over every day of the month."),
  monthlyUsd: Usd("At the billed replica count (replicas, or autoscaling.minReplicas)."),
  monthlyUsdAtMaxReplicas: Usd("The same hours at autoscaling.maxReplicas: the ceiling."),
});

export const Estimate = z
  .object({
    provider: z.enum(providerNames),
    hardware: z.string(),
    price: PriceInfo,
    replicas: z.object({ billed: z.number().int(), max: z.number().int() }),
    alwaysOn: Scenario,
    withPolicy: Scenario.nullable().meta({
      description: "With the schedule and/or idle policy; null without either.",
    }),
    savings: z
      .object({ monthlyUsd: z.number(), percent: z.number() })
      .nullable()
      .meta({ description: "alwaysOn − withPolicy, per month." }),
    hoursPerWeek: z.number().meta({ description: "Billed hours per week under the policy (168 always on)." }),
  })
  .meta({ id: "CostEstimate" });
export type Estimate = z.infer<typeof Estimate>;
