import { Config } from "../config";
import type { Provider } from "../provider";
import { loadAdapter, stopAdapter, stoppedAdapter, unloadAdapter, watchAdapter } from "./phase/adapter";
import { bringUp, updating, watch } from "./phase/endpoint";
import type { Phase, Step, StepContext } from "./phase/shared";
import { deleting, stopping } from "./phase/stop";
import { queued, uploading } from "./phase/upload";
import { readFeed } from "./provider-events";
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
export async function advance(row: Row, p: Provider, ctx: StepContext): Promise<Step> {
  const phase = (row.model.baseDeploymentId ? adapterPhases : endpointPhases)[row.state];
  // The provider's feed is read on every check; what it says changed is looked at again soon.
  const feed = row.model.baseDeploymentId ? undefined : await readFeed(row, p);
  const step = phase ? await phase(row, p, ctx) : {};
  if (!feed || feed.since === row.providerEventsSince) return step;
  return {
    ...step,
    set: { ...step.set, providerEventsSince: feed.since },
    nextCheckSeconds:
      feed.react && !step.to
        ? Math.min(step.nextCheckSeconds ?? Infinity, Config.checkDelay().min)
        : step.nextCheckSeconds,
  };
}
