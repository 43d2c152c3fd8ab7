/**
 * Hangar's deployment states and the only moves between them. Every write checks the move
 * against this table and the stored state, so a duplicate or late job cannot undo a newer one.
 */
export const states = [
  "queued",
  "uploading",
  "provisioning",
  "ready",
  "updating",
  "stopping",
  "stopped",
  "starting",
  "deleting",
  "deleted",
  "failed",
] as const;
export type State = (typeof states)[number];

const allowed: Record<State, readonly State[]> = {
  queued: ["uploading", "provisioning", "deleting", "failed"],
  uploading: ["provisioning", "deleting", "failed"],
  // A stop while provisioning is a cancel that keeps the endpoint: the user stops paying at once.
  provisioning: ["ready", "stopping", "deleting", "failed"],
  // ready → stopped: the provider stopped it on its own (its inactivity timeout).
  ready: ["updating", "stopping", "stopped", "deleting", "failed"],
  updating: ["ready", "stopping", "deleting", "failed"],
  stopping: ["stopped", "deleting", "failed"],
  // stopped → deleted: the provider removed it on its own; stopped → starting: started outside Hangar.
  stopped: ["starting", "deleting", "deleted", "failed"],
  starting: ["ready", "stopping", "deleting", "failed"],
  deleting: ["deleted", "failed"],
  deleted: [],
  failed: ["deleting"],
};

export function canTransition(from: State, to: State): boolean {
  return allowed[from].includes(to);
}

/** States in which a worker still has provider work to do or to watch. */
export const inFlight: readonly State[] = [
  "queued",
  "uploading",
  "provisioning",
  "updating",
  "stopping",
  "starting",
  "deleting",
];

export function isInFlight(state: State): boolean {
  return inFlight.includes(state);
}

export function isTerminal(state: State): boolean {
  return state === "deleted";
}

/** States billed by the provider (the GPU is held). */
export function isBilled(state: State): boolean {
  return (
    state === "provisioning" ||
    state === "ready" ||
    state === "updating" ||
    state === "starting" ||
    state === "stopping"
  );
}
