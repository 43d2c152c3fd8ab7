import { Config } from "../config";
import * as Timing from "../timing";
import { log } from "../util/log";
import type { Step } from "./phase/shared";
import type { Row } from "./row";

/** The history a row's step is measured against: its provider, hardware and model-size class. */
const scopeOf = (row: Row, kind: Timing.StepKind) => ({
  provider: row.provider,
  hardware: row.hardware,
  size: Timing.sizeClass(row.model.baseModel ?? row.model.source),
  kind,
});

/** Rollout phases say how far a bring-up got; during a stop or an upload they say nothing. */
const tracksPhases = (kind: Timing.StepKind) => kind === "provisioning" || kind === "start";

const secondsSince = (at: string, now: Date) => (now.getTime() - Date.parse(at)) / 1000;

/**
 * When to look next at a step still under way, from how long this step took before (timing/),
 * and since when the provider has reported the rollout's current phase. A step that asked for its
 * own delay, or an adapter (it rides on its base's endpoint), keeps the plain backoff.
 */
export async function pace(row: Row, change: Step, now = new Date()): Promise<Step> {
  if (change.to) return row.phase ? { ...change, remove: [...(change.remove ?? []), "phase"] } : change;
  const kind = Timing.stepKind(row.state);
  if (!kind || row.model.baseDeploymentId) return change;
  const progress = tracksPhases(kind) ? change.set?.observed?.progress : undefined;
  const phase =
    progress &&
    (row.phase?.name === progress.phase ? row.phase : { name: progress.phase, at: now.toISOString() });
  const set = phase ? { ...change.set, phase } : change.set;
  if (change.nextCheckSeconds !== undefined) return { ...change, set };
  const { history, tail } = await Timing.durations(scopeOf(row, kind));
  const nextCheckSeconds = Timing.nextCheckDelay({
    elapsed: secondsSince(row.stateChangedAt, now),
    checks: set?.checks ?? row.checks,
    history,
    tail: tracksPhases(kind) ? tail : undefined,
    phase: phase && { name: phase.name, elapsed: secondsSince(phase.at, now) },
    policy: Config.checkDelay(),
  });
  return { ...change, set, nextCheckSeconds };
}

/**
 * After a step completed (its transition committed): its duration joins the history, and the
 * last phase's too when it was seen. Never fails the step: a lost sample only makes the next
 * plan a little less informed.
 */
export async function learn(before: Row, after: Row) {
  const kind = before.model.baseDeploymentId ? undefined : Timing.completes(before.state, after.state);
  if (!kind) return;
  const end = new Date(after.stateChangedAt);
  const seconds = secondsSince(before.stateChangedAt, end);
  const tail = before.phase?.name === "initializing" ? secondsSince(before.phase.at, end) : undefined;
  await Timing.record(scopeOf(before, kind), seconds, tail).catch((error) =>
    log.warn("step duration not recorded", { deploymentId: before.id, kind, error }),
  );
}
