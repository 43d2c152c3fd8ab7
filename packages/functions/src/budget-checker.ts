import { withActor } from "@hangar/core/actor";
import { check } from "@hangar/core/budget/check";
import { registerProviderFacts } from "./providers/facts";

registerProviderFacts();

export const handler = () => withActor({ type: "system" }, () => check());
