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
  // ready → updating also when the endpoint drifted from the desired side (a late stop from a
  // replaced step, a spec asked for while stopped): updating converges it.
  ready: ["updating", "stopping", "stopped", "deleting", "failed"],
  updating: ["ready", "stopping", "deleting", "failed"],
  // stopping → starting: a start asked for while the stop was still under way; the last
  // request wins, and the start step waits for the provider's stop to finish, then starts.
  stopping: ["stopped", "starting", "deleting", "failed"],
  // stopped → deleted: the provider removed it on its own; stopped → starting: started outside
  // Hangar; stopped → stopping: the stop didn't hold (running again within the confirm bound).
  stopped: ["starting", "stopping", "deleting", "deleted", "failed"],
  starting: ["ready", "stopping", "deleting", "failed"],
  deleting: ["deleted", "failed"],
  deleted: [],
  failed: ["deleting"],
};

/** What the user (or a policy acting for them) wants of the endpoint. */
export type Intent = "running" | "stopped" | "deleted";

/**
 * The intent a move expresses. Every move into these states is either a request (which is the
 * intent) or the provider's own doing that Hangar accepts (an inactivity stop, a start outside
 * Hangar); failed, queued and uploading keep the intent they had.
 */
export function intentOf(state: State): Intent | undefined {
  switch (state) {
    case "provisioning":
    case "starting":
    case "ready":
    case "updating":
      return "running";
    case "stopping":
    case "stopped":
      return "stopped";
    case "deleting":
    case "deleted":
      return "deleted";
    default:
      return undefined;
  }
}

export function canTransition(from: State, to: State): boolean {
  return allowed[from].includes(to);
}

/** What a request may ask for: stopped → stopping is the worker's alone (a stop that didn't hold). */
export function canRequest(from: State, to: State): boolean {
  return canTransition(from, to) && !(from === "stopped" && to === "stopping");
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
