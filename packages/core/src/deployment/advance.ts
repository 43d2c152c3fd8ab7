import type { Provider } from "../provider";
import { loadAdapter, stopAdapter, stoppedAdapter, unloadAdapter, watchAdapter } from "./phase/adapter";
import { bringUp, updating, watch } from "./phase/endpoint";
import type { Phase, Step, StepContext } from "./phase/shared";
import { deleting, stopping } from "./phase/stop";
import { queued, uploading } from "./phase/upload";
import type { Row } from "./row";
import type { State } from "./states";

export type { StepContext } from "./phase/shared";
export { displayName } from "./phase/shared";

const endpointPhases: Partial<Record<State, Phase>> = {
  queued,
  uploading,
  provisioning: bringUp,
  starting: bringUp,
  updating,
  stopping,
  deleting,
  ready: watch,
  stopped: watch,
};

/**
 * An adapter on a base deployment has no endpoint of its own: it is loaded onto the base's, and
 * stops, starts and goes with it (follow.ts moves it at once; these phases make the same moves
 * if that was missed).
 */
const adapterPhases: Partial<Record<State, Phase>> = {
  queued,
  uploading,
  provisioning: loadAdapter,
  starting: loadAdapter,
  stopping: stopAdapter,
  stopped: stoppedAdapter,
  deleting: unloadAdapter,
  ready: watchAdapter,
};

/**
 * One provider step for a deployment in its current state: look, act at most once, and say
 * what changed. Every action is safe to repeat: creates look for an earlier attempt first,
 * and stop/start/delete are idempotent at the provider.
 */
export function advance(row: Row, p: Provider, ctx: StepContext): Promise<Step> {
  const phase = (row.model.baseDeploymentId ? adapterPhases : endpointPhases)[row.state];
  return phase ? phase(row, p, ctx) : Promise.resolve({});
}
