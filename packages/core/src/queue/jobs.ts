import * as z from "zod";

/**
 * Work for the jobs queue. A step job drives one provider step of one deployment; `checkId`
 * names the check it was scheduled for, so a stale or duplicated message is recognised.
 */
export const DeploymentStep = z.object({
  type: z.literal("deployment.step"),
  deploymentId: z.string(),
  checkId: z.string(),
});

export const Job = z.discriminatedUnion("type", [DeploymentStep]);
export type Job = z.infer<typeof Job>;
