import { withActor } from "@hangar/core/actor";
import * as Deployment from "@hangar/core/deployment/index";
import { registerProviderFacts } from "./providers/facts";

registerProviderFacts();

/** Re-enqueues checks whose message was lost, and webhook events stuck in the outbox. */
export const handler = () =>
  withActor({ type: "system" }, async () => {
    await Deployment.requeueOverdue();
    await Deployment.sweepOutbox();
  });
