import { withActor } from "@hangar/core/actor";
import { check } from "@hangar/core/budget/check";
import { lambda } from "./lambda";
import { registerProviderFacts } from "./providers/facts";

registerProviderFacts();

export const handler = lambda(() => withActor({ type: "system" }, () => check()));
