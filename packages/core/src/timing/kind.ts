/** Deployment states by name: this domain sits below the deployment domain and imports nothing of it. */
type State = string;

/** The steps whose durations are kept: each ends when the deployment leaves its in-flight state. */
export const stepKinds = ["upload", "provisioning", "start", "stop"] as const;
export type StepKind = (typeof stepKinds)[number];

const kindOf: Record<State, StepKind | undefined> = {
  uploading: "upload",
  provisioning: "provisioning",
  starting: "start",
  stopping: "stop",
};

/** The only exits that count: a step that failed or was cancelled says nothing of how long it takes. */
const doneAt: Record<StepKind, State> = {
  upload: "provisioning",
  provisioning: "ready",
  start: "ready",
  stop: "stopped",
};

export const stepKind = (state: State): StepKind | undefined => kindOf[state];

export const completes = (from: State, to: State) => {
  const kind = kindOf[from];
  return kind !== undefined && doneAt[kind] === to ? kind : undefined;
};

/**
 * Parameter-count classes, read from the model's name (`Llama-3.1-8B`, `gpt-oss-120b`,
 * `Mixtral-8x7B`): weights to move and load grow with them, so durations cluster by class.
 * small < 10B, medium < 60B, large ≥ 60B; a name without a count is `unknown`, a class of its own.
 */
export type SizeClass = "small" | "medium" | "large" | "unknown";

export function sizeClass(model: string): SizeClass {
  const match = /(?:^|[^a-z0-9.])(?:(\d+)x)?(\d+(?:\.\d+)?)b(?![a-z0-9])/i.exec(model);
  if (!match) return "unknown";
  const billions = Number(match[2]) * (match[1] ? Number(match[1]) : 1);
  if (billions < 10) return "small";
  return billions < 60 ? "medium" : "large";
}
