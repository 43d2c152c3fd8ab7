import * as z from "zod";
import { providerNames } from "../provider";

/**
 * Work for the jobs queue. A step job drives one provider step of one deployment; `checkId`
 * names the check it was scheduled for, so a stale or duplicated message is recognised.
 */
export const DeploymentStep = z.object({
  type: z.literal("deployment.step"),
  deploymentId: z.string(),
  checkId: z.string(),
});

/**
 * One read of what a provider account measured (its usage), for the minute `at` ends: the cron
 * enqueues one per account a minute, and the account's claim lets only one read a minute through.
 */
export const ProviderActivity = z.object({
  type: z.literal("provider.activity"),
  provider: z.enum(providerNames),
  account: z.string(),
  at: z.iso.datetime(),
});

export const Job = z.discriminatedUnion("type", [DeploymentStep, ProviderActivity]);
export type Job = z.infer<typeof Job>;
