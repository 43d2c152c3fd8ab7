import { withActor } from "@hangar/core/actor";
import * as Budget from "@hangar/core/budget/index";
import { registerProviderFacts } from "./providers/facts";

registerProviderFacts();

export const handler = () => withActor({ type: "system" }, () => Budget.check());
