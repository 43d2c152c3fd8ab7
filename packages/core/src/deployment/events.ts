import type { StateEventType } from "../webhook";
import type { Info } from "./info";
import type { ProviderEventRow } from "./provider-events";
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

/** One entry of `GET /v1/deployments/{id}/events`: Hangar's own (a state change) or the provider's. */
export type EventInfo = {
  id: string;
  kind: "hangar" | "provider";
  from: State | null;
  to: State | null;
  type: string | null;
  level: string | null;
  reason: string | null;
  message: string | null;
  at: string;
  sequence: number | null;
};

export function toEventInfo(row: EventRow): EventInfo {
  return {
    id: row.id,
    kind: "hangar",
    from: row.from,
    to: row.to,
    type: row.webhook ?? null,
    level: null,
    reason: row.reason ?? null,
    message: row.message ?? null,
    at: row.at,
    sequence: row.sequence,
  };
}

export function toProviderEventInfo(row: ProviderEventRow): EventInfo {
  const e = row.event;
  return {
    id: e.id,
    kind: "provider",
    from: null,
    to: null,
    type: e.type,
    level: e.level,
    reason: e.source ?? null,
    message: e.message ?? null,
    at: e.at,
    sequence: null,
  };
}
