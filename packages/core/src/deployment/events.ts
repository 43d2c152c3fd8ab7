import type { StateEventType } from "../webhook";
import type { Info } from "./info";
import type { State } from "./states";

/** Which state changes fire which webhook event. */
export function webhookFor(from: State, to: State, reason?: string): StateEventType | undefined {
  if (to === "starting" && reason === "wake") return "deployment.waking";
  if (to === "ready") {
    if (from === "starting") return "deployment.started";
    if (from === "updating") return "deployment.updated";
    return "deployment.ready";
  }
  if (to === "failed") return "deployment.failed";
  if (to === "stopped") return "deployment.stopped";
  if (to === "deleted") return "deployment.deleted";
  return undefined;
}

/** One entry of a deployment's history, as stored (pk DEP#id, sk EVT#id). */
export type EventRow = {
  pk: string;
  sk: string;
  type: "event";
  id: string;
  deploymentId: string;
  tenantId: string;
  from: State | null;
  to: State;
  reason?: string;
  message?: string;
  at: string;
  /** The deployment's version after this change: a per-deployment sequence number. */
  sequence: number;
  webhook?: StateEventType;
  /** The deployment as it was right after the change; webhooks carry this snapshot. */
  data: Info;
  outboxPk?: string;
  outboxAt?: string;
};

export function toEventInfo(row: EventRow) {
  return {
    id: row.id,
    from: row.from,
    to: row.to,
    reason: row.reason ?? null,
    message: row.message ?? null,
    at: row.at,
    sequence: row.sequence,
  };
}
