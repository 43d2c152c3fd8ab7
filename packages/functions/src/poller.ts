import { withActor } from "@hangar/core/actor";
import { requeueOverdue } from "@hangar/core/deployment/overdue";
import { sweepOutbox } from "@hangar/core/webhook/outbox";
import { lambda } from "./lambda";
import { registerProviderFacts } from "./providers/facts";

registerProviderFacts();

/** Re-enqueues checks whose message was lost, and events stuck in the outbox. */
export const handler = lambda(() =>
  withActor({ type: "system" }, async () => {
    await requeueOverdue();
    await sweepOutbox();
  }),
);
