import { checkDelay } from "@hangar/core/deployment/checks";
import type { ProgressPhase } from "@hangar/core/provider/index";
import { type CadenceInput, nextCheckDelay } from "@hangar/core/timing/cadence";
import { type Fit, fitLogNormal } from "@hangar/core/timing/fit";
import { type Provisioning, phaseAt } from "./world";

export const POLICY = { min: 5, max: 60 };

/** How a strategy picks the next wait; `null` history means it has none. */
export type Strategy = (input: CadenceInput) => number;

export const hangar: Strategy = nextCheckDelay;
/** Hangar without progress signals: what a provider that reports none (Together v1) gets. */
export const hangarBlind: Strategy = (input) =>
  nextCheckDelay({ ...input, phase: undefined, tail: undefined });
export const fixed =
  (seconds: number): Strategy =>
  () =>
    seconds;
/** Today's cadence, from the real function the worker used before history existed. */
export const todays: Strategy = (input) =>
  checkDelay("provisioning", input.checks, { ...input.policy, watch: 300 });

export type Outcome = { lag: number; calls: number; noticed: number; tail?: number };

/**
 * One provisioning on a simulated clock: the create is the action at 0; every check after it
 * is one provider read. Returns the lag from ready to noticed and the reads it took.
 */
export function follow(p: Provisioning, strategy: Strategy, history?: Fit, tail?: Fit): Outcome {
  let t = 0;
  let checks = 0;
  let seen: { name: ProgressPhase; at: number } | undefined;
  let initializingSeen: number | undefined;
  for (;;) {
    checks++;
    const phase = seen && { name: seen.name, elapsed: t - seen.at };
    t += strategy({ elapsed: t, checks, history, tail, phase, policy: POLICY });
    const now = phaseAt(p, t);
    if (now === "ready") {
      return {
        lag: t - p.ready,
        calls: checks,
        noticed: t,
        tail: initializingSeen === undefined ? undefined : t - initializingSeen,
      };
    }
    if (now !== seen?.name) seen = { name: now, at: t };
    if (now === "initializing" && initializingSeen === undefined) initializingSeen = t;
  }
}

/** The history a class builds from its own noticed durations: the newest 64, as Hangar keeps them. */
export class History {
  durations: number[] = [];
  tails: number[] = [];
  add(o: Outcome) {
    this.durations = [...this.durations, o.noticed].slice(-64);
    if (o.tail !== undefined) this.tails = [...this.tails, o.tail].slice(-64);
  }
  get fit() {
    return fitLogNormal(this.durations);
  }
  get tail() {
    return fitLogNormal(this.tails);
  }
}
