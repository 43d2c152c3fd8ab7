import { withActor } from "@hangar/core/actor";
import * as Deployment from "@hangar/core/deployment/index";

export const handler = () =>
  withActor({ type: "system" }, async () => {
    await Deployment.stopIdle();
  });
