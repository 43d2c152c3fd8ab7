import type { SimEndpoint } from "./endpoints";
import type { SimJob, SimModel } from "./jobs";
import { V2State } from "./v2/state";

/** Durations of each simulated step, before `timeScale` is applied. */
export type Steps = {
  jobQueuedMs: number;
  jobRunningMs: number;
  endpointPendingMs: number;
  endpointStartingMs: number;
  endpointStoppingMs: number;
  /** One minute of `inactive_timeout`. */
  minuteMs: number;
};

export const defaultSteps: Steps = {
  jobQueuedMs: 300,
  jobRunningMs: 1_000,
  endpointPendingMs: 500,
  endpointStartingMs: 1_000,
  endpointStoppingMs: 500,
  minuteMs: 60_000,
};

export type StateOptions = {
  owner: string;
  timeScale: number;
  steps?: Partial<Steps>;
  /** Minutes applied when create omits `inactive_timeout` (Together's docs: 60). */
  defaultInactiveTimeout?: number;
  now?: () => number;
  /** The Hub that uploads of Hub repos are checked against; unset, any source uploads. */
  hubUrl?: string;
};

/** A scheduled state change; entities apply theirs lazily whenever they are read. */
export type Transition<S extends string = string> = { state: S; at: number; message?: string };

/** Everything the simulated account owns. Progress is computed from the clock on read, so there are no timers to leak. */
export class SimState {
  readonly owner: string;
  readonly now: () => number;
  readonly defaultInactiveTimeout: number;
  readonly startedAt: number;
  readonly hubUrl?: string;
  endpoints = new Map<string, SimEndpoint>();
  jobs = new Map<string, SimJob>();
  models = new Map<string, SimModel>();
  calls: Record<string, number> = {};
  /** Failure messages the next uploads (v1 and v2) will end with, oldest first. */
  failNextUploads: string[] = [];
  /** Stops that will answer success but leave the deployment running (`/_sim/stops/ignore-next`). */
  ignoreNextStops = 0;
  /** The project's v2 endpoints, deployments, models and uploads: the same account as the maps above. */
  readonly v2: V2State;
  private steps: Steps;
  private timeScale: number;

  constructor(options: StateOptions) {
    this.owner = options.owner;
    this.now = options.now ?? Date.now;
    this.defaultInactiveTimeout = options.defaultInactiveTimeout ?? 60;
    this.steps = { ...defaultSteps, ...options.steps };
    this.timeScale = options.timeScale;
    this.startedAt = this.now();
    this.hubUrl = options.hubUrl;
    this.v2 = new V2State(options.owner);
  }

  step(name: keyof Steps): number {
    return this.steps[name] * this.timeScale;
  }

  reset() {
    this.endpoints.clear();
    this.jobs.clear();
    this.models.clear();
    this.calls = {};
    this.failNextUploads = [];
    this.ignoreNextStops = 0;
    this.v2.reset();
  }

  count(route: string) {
    this.calls[route] = (this.calls[route] ?? 0) + 1;
  }
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Job timestamps come without milliseconds at Together. */
export function isoSeconds(ms: number): string {
  return iso(ms).replace(/\.\d{3}Z$/, "Z");
}
