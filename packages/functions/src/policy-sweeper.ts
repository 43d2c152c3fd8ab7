import { withActor } from "@hangar/core/actor";
import { enqueueActivityReads } from "@hangar/core/deployment/activity";
import { sweepPolicies } from "@hangar/core/deployment/sweep";
import { lambda } from "./lambda";
import { registerProviderFacts } from "./providers/facts";

registerProviderFacts();

/**
 * Provider activity reads (one job per provider account, done by the worker, which has the
 * clients), then idle warnings and stops, schedule starts and stops, deletes after a long stop.
 */
export const handler = lambda(() =>
  withActor({ type: "system" }, async () => {
    await enqueueActivityReads();
    await sweepPolicies();
  }),
);
