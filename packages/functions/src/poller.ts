import { withActor } from "@hangar/core/actor";
import * as Deployment from "@hangar/core/deployment/index";
import * as Webhook from "@hangar/core/webhook/index";
import { lambda } from "./lambda";

/** Re-enqueues checks whose message was lost, and events stuck in the outbox. */
export const handler = lambda(() =>
  withActor({ type: "system" }, async () => {
    await Deployment.requeueOverdue();
    await Webhook.sweepOutbox();
  }),
);
