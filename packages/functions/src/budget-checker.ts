import { withActor } from "@hangar/core/actor";
import * as Budget from "@hangar/core/budget/index";

export const handler = () => withActor({ type: "system" }, () => Budget.check());
