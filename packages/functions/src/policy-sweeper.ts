import { withActor } from "@hangar/core/actor";
import * as Deployment from "@hangar/core/deployment/index";
import { lambda } from "./lambda";

/** Idle warnings and stops, schedule starts and stops, deletes after a long stop. */
export const handler = lambda(() =>
  withActor({ type: "system" }, async () => {
    await Deployment.sweepPolicies();
  }),
);
