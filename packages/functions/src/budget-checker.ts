import { withActor } from "@hangar/core/actor";
import * as Budget from "@hangar/core/budget/index";
import { lambda } from "./lambda";

export const handler = lambda(() => withActor({ type: "system" }, () => Budget.check()));
