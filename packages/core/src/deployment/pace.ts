import { Config } from "../config";
import type { Progress } from "../provider";
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

/** The phase seen since the row entered its current state, if any (ISO instants sort as text). */
const phaseOf = (row: Row) =>
  row.phase?.state === row.state && row.phase.at >= row.stateChangedAt ? row.phase : undefined;

/** The phase to keep: the one already seen if the provider still reports it, else this one from now. */
export function trackPhase(row: Row, progress: Progress, now: Date): NonNullable<Row["phase"]> {
  const seen = phaseOf(row);
  return seen?.name === progress.phase
    ? seen
    : { state: row.state, name: progress.phase, at: now.toISOString() };
}

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
  const phase = progress && trackPhase(row, progress, now);
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
  const last = tracksPhases(kind) ? phaseOf(before) : undefined;
  const tail = last?.name === "initializing" ? secondsSince(last.at, end) : undefined;
  await Timing.record(scopeOf(before, kind), seconds, tail).catch((error) =>
    log.warn("step duration not recorded", { deploymentId: before.id, kind, error }),
  );
}

/** What a client is told to wait for a start with no history to go by. */
const RETRY_AFTER_SECONDS = 30;

/**
 * How long a client should wait before asking a starting deployment again: the median of what
 * its start has left, from past starts of its provider, hardware and size class, within 5 s to
 * 5 minutes; 30 s with too little history.
 */
export async function retryAfter(row: Row, now = new Date()): Promise<number> {
  if (row.state !== "starting" || row.model.baseDeploymentId) return RETRY_AFTER_SECONDS;
  const { history } = await Timing.durations(scopeOf(row, "start"));
  if (!history) return RETRY_AFTER_SECONDS;
  const left = Timing.medianRemaining(history, secondsSince(row.stateChangedAt, now));
  return Math.round(Math.min(300, Math.max(5, left)));
}
