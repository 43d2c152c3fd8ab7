import * as z from "zod";

const Limit = z.number().positive().max(10_000_000).nullable().optional();

export const BudgetInput = z
  .object({
    period: z.literal("month").default("month").meta({ description: "A calendar month in UTC." }),
    softLimitUsd: Limit.meta({ description: "Spend at which `budget.warning` fires, once per period." }),
    hardLimitUsd: Limit.meta({
      description:
        "Spend at which Hangar stops the deployment (a tenant budget: every deployment) with reason `budget: spent $X of $Y this month`, and fires `budget.exceeded` once per period. It keeps stopping what starts again until the period ends or the limit changes.",
    }),
  })
  .refine((b) => b.softLimitUsd || b.hardLimitUsd, { message: "Give softLimitUsd, hardLimitUsd or both." })
  .refine((b) => !(b.softLimitUsd && b.hardLimitUsd) || b.softLimitUsd < b.hardLimitUsd, {
    message: "softLimitUsd must be below hardLimitUsd.",
    path: ["softLimitUsd"],
  });
export type BudgetInput = z.input<typeof BudgetInput>;

export const Budget = z
  .object({
    scope: z.enum(["tenant", "deployment"]),
    deploymentId: z.string().nullable(),
    period: z.literal("month"),
    softLimitUsd: z.number().nullable(),
    hardLimitUsd: z.number().nullable(),
    periodStart: z.string().meta({ description: "The start of the current period (UTC)." }),
    spentUsd: z.number().meta({
      description:
        "Accrued this period, as GET /v1/cost computes it (min replicas as the floor where live replicas are unknown).",
    }),
    status: z
      .enum(["ok", "warning", "exceeded"])
      .meta({ description: "Where spentUsd stands against the limits." }),
    warnedAt: z.string().nullable().meta({ description: "When `budget.warning` fired this period." }),
    exceededAt: z.string().nullable().meta({ description: "When `budget.exceeded` fired this period." }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Budget" });
export type Budget = z.infer<typeof Budget>;

/** A budget as stored (TEN#<tenant> or DEP#<id> / BUDGET), with the budgets index attributes. */
export type BudgetRow = {
  pk: string;
  sk: "BUDGET";
  type: "budget";
  tenantId: string;
  deploymentId?: string;
  period: "month";
  softLimitMicros?: number;
  hardLimitMicros?: number;
  /** The period (YYYY-MM) whose warning / exceeded notice was sent, and when. */
  warnedPeriod?: string;
  warnedAt?: string;
  exceededPeriod?: string;
  exceededAt?: string;
  budgetPk: "BUDGET";
  budgetSk: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export const periodKey = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** Where a spend stands against a budget's limits (micro-dollars). */
export function statusOf(spent: number, soft?: number, hard?: number): Budget["status"] {
  if (hard && spent >= hard) return "exceeded";
  if (soft && spent >= soft) return "warning";
  return "ok";
}
