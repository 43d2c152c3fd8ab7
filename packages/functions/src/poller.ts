import { withActor } from "@hangar/core/actor";
import { sweepOutbox } from "@hangar/core/deployment/dispatch";
import { requeueOverdue } from "@hangar/core/deployment/overdue";
import { registerProviderFacts } from "./providers/facts";

registerProviderFacts();

/** Re-enqueues checks whose message was lost, and webhook events stuck in the outbox. */
export const handler = () =>
  withActor({ type: "system" }, async () => {
    await requeueOverdue();
    await sweepOutbox();
  });
