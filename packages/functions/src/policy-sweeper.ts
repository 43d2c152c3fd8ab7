import { withActor } from "@hangar/core/actor";
import * as Deployment from "@hangar/core/deployment/index";
import { registerProviderFacts } from "./providers/facts";

registerProviderFacts();

/** Idle warnings and stops, schedule starts and stops, deletes after a long stop. */
export const handler = () =>
  withActor({ type: "system" }, async () => {
    await Deployment.sweepPolicies();
  });
