import { providerSpec, providerSpecs } from "../support/specs";

/** The contract run fails before any test when a spec is missing, rather than skipping what it cannot check. */
export default function setup() {
  for (const name of providerSpecs) providerSpec(name);
}
