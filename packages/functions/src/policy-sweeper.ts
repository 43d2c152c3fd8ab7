import { withActor } from "@hangar/core/actor";
import { sweepPolicies } from "@hangar/core/deployment/sweep";
import { lambda } from "./lambda";
import { registerProviderFacts } from "./providers/facts";

registerProviderFacts();

/** Idle warnings and stops, schedule starts and stops, deletes after a long stop. */
export const handler = lambda(() =>
  withActor({ type: "system" }, async () => {
    await sweepPolicies();
  }),
);
