import type { SimDeployedModel, SimDeployment } from "./deployments";
import type { Served } from "./metrics";
import type { SimModel } from "./models";

/** Durations of each simulated step in ms, before `timeScale` is applied. */
export type Steps = {
  /** CREATING → scheduled → downloading → initializing → ready: each phase of a replica rollout. */
  schedulingMs: number;
  downloadingMs: number;
  initializingMs: number;
  updatingMs: number;
  deletingMs: number;
  prepareMs: number;
  loraDeployMs: number;
};

export const defaultSteps: Steps = {
  schedulingMs: 300,
  downloadingMs: 400,
  initializingMs: 500,
  updatingMs: 300,
  deletingMs: 300,
  prepareMs: 500,
  loraDeployMs: 400,
};

export type StateOptions = {
  account: string;
  timeScale: number;
  steps?: Partial<Steps>;
  maxPageSize?: number;
};

/**
 * Everything the simulated account owns. Progress is computed from the clock on read (no timers
 * to leak), and the clock can be moved forward so a test sees seven idle days in a moment.
 */
export class SimState {
  readonly account: string;
  readonly timeScale: number;
  readonly maxPageSize: number;
  models = new Map<string, SimModel>();
  deployments = new Map<string, SimDeployment>();
  deployedModels = new Map<string, SimDeployedModel>();
  calls: Record<string, number> = {};
  failNextValidations: string[] = [];
  /** Chat requests of the last two minutes, for the metrics endpoint. */
  served: Served[] = [];
  /** When the account's metrics were scraped in the last minute (the rate limit). */
  scrapes: number[] = [];
  /** Stops (a patch to max 0, a scale to 0) still to acknowledge without doing: a stop that doesn't hold. */
  ignoreNextStops = 0;
  /** Deletes still to acknowledge without doing: the endpoint stays listed. */
  ignoreNextDeletes = 0;
  /** Added to the wall clock by `/_sim/clock`. */
  offsetMs = 0;
  private steps: Steps;

  constructor(options: StateOptions) {
    this.account = options.account;
    this.timeScale = options.timeScale;
    this.maxPageSize = options.maxPageSize ?? 200;
    this.steps = { ...defaultSteps, ...options.steps };
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Changes step durations from now on (`/_sim/steps`): a test holds rollouts in a phase. */
  setSteps(steps: Partial<Steps>): Steps {
    this.steps = { ...this.steps, ...steps };
    return { ...this.steps };
  }

  step(name: keyof Steps): number {
    return this.steps[name] * this.timeScale;
  }

  /** A Fireworks duration (scale-to-zero window, seven idle days) on the simulated clock. */
  seconds(value: number): number {
    return value * 1000 * this.timeScale;
  }

  /** Time a rollout takes from no replica to a ready one. */
  coldStartMs(): number {
    return this.step("schedulingMs") + this.step("downloadingMs") + this.step("initializingMs");
  }

  count(route: string) {
    this.calls[route] = (this.calls[route] ?? 0) + 1;
  }

  reset() {
    this.models.clear();
    this.deployments.clear();
    this.deployedModels.clear();
    this.calls = {};
    this.failNextValidations = [];
    this.served = [];
    this.scrapes = [];
    this.ignoreNextStops = 0;
    this.ignoreNextDeletes = 0;
    this.offsetMs = 0;
  }
}

export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
