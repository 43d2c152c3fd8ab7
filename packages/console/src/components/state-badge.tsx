import type { DeploymentState } from "@hangar/sdk";

const tone: Record<DeploymentState, string> = {
  ready: "good",
  failed: "bad",
  stopped: "idle",
  deleted: "idle",
  queued: "busy",
  uploading: "busy",
  provisioning: "busy",
  updating: "busy",
  starting: "busy",
  stopping: "busy",
  deleting: "busy",
};

/** The state in words and colour: the word carries the meaning, the colour only helps. */
export function StateBadge({ state }: { state: DeploymentState }) {
  return <span className={`badge badge-${tone[state]}`}>{state}</span>;
}
