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

/** Work for the webhooks queue: fan an event out to subscriptions, then deliver each. */
export const WebhookJob = z.discriminatedUnion("type", [
  z.object({ type: z.literal("webhook.fanout"), deploymentId: z.string(), eventId: z.string() }),
  z.object({ type: z.literal("webhook.deliver"), subscriptionId: z.string(), deliveryId: z.string() }),
]);
export type WebhookJob = z.infer<typeof WebhookJob>;
