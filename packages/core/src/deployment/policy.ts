import type { Row } from "./row";
import { describe, edges } from "./schedule";
import { canRequest } from "./states";

/** What the policy sweep may do to a deployment, and why. */
export type Action =
  | { kind: "warn"; at: string; reason: string; stopAt: string }
  | { kind: "stop" | "start" | "delete"; at: string; reason: string; edge?: string };

type PolicyRow = Pick<
  Row,
  | "state"
  | "createdAt"
  | "stateChangedAt"
  | "lastActivityAt"
  | "idleTimeoutMinutes"
  | "idleGraceMinutes"
  | "idleWarnMinutes"
  | "idleWarnedFor"
  | "deleteAfterStoppedDays"
  | "schedule"
  | "scheduleCursor"
  | "heldUntil"
  | "stopReason"
>;

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const held = (r: PolicyRow, at: number) => (r.heldUntil ? Math.max(at, Date.parse(r.heldUntil)) : at);

/**
 * When an idle ready deployment may be stopped: a full timeout after its last activity, with
 * becoming ready counting as activity, never inside the grace period after a start, and never
 * while a lease holds it.
 */
export function idleStopAt(r: PolicyRow): string | undefined {
  if (r.state !== "ready" || !r.idleTimeoutMinutes) return undefined;
  const ready = Date.parse(r.stateChangedAt);
  const activity = r.lastActivityAt ? Date.parse(r.lastActivityAt) : 0;
  const timeout = r.idleTimeoutMinutes * MINUTE;
  const at = Math.max(ready + Math.max(timeout, (r.idleGraceMinutes ?? 0) * MINUTE), activity + timeout);
  return iso(held(r, at));
}

function idleWarning(r: PolicyRow): Action | undefined {
  const stopAt = idleStopAt(r);
  if (!stopAt || !r.idleWarnMinutes || r.idleWarnedFor === stopAt) return undefined;
  const at = iso(Date.parse(stopAt) - r.idleWarnMinutes * MINUTE);
  return { kind: "warn", at, stopAt, reason: `idle: will stop at ${stopAt} without activity` };
}

/**
 * The schedule's next edge not yet handled. Edges are handled in order (the cursor), so a stop
 * or start made by hand between two edges stands until the next edge.
 */
export function nextEdge(r: PolicyRow) {
  if (!r.schedule) return undefined;
  return edges(r.schedule, new Date(r.scheduleCursor ?? r.createdAt))[0];
}

function scheduled(r: PolicyRow, now: Date): Action | undefined {
  if (!r.schedule) return undefined;
  const due = edges(r.schedule, new Date(r.scheduleCursor ?? r.createdAt), 8).filter(
    (e) => e.at <= now.toISOString(),
  );
  // Only the latest passed edge matters: it says whether the endpoint should be up now.
  const edge = due.at(-1) ?? nextEdge(r);
  if (!edge) return undefined;
  const reason = `schedule: ${edge.kind === "stop" ? "outside" : "inside"} ${describe(r.schedule)}`;
  if (edge.kind === "stop")
    return { kind: "stop", at: iso(held(r, Date.parse(edge.at))), reason, edge: edge.at };
  return { kind: "start", at: edge.at, reason, edge: edge.at };
}

function deletion(r: PolicyRow): Action | undefined {
  if (r.state !== "stopped" || !r.deleteAfterStoppedDays) return undefined;
  const at = iso(Date.parse(r.stateChangedAt) + r.deleteAfterStoppedDays * 24 * 60 * MINUTE);
  return { kind: "delete", at, reason: `idle: stopped for ${r.deleteAfterStoppedDays} days` };
}

/** Every action the policies will want next, soonest first. */
export function upcoming(r: PolicyRow, now: Date): Action[] {
  const stopAt = idleStopAt(r);
  const idle: Action | undefined = stopAt
    ? { kind: "stop", at: stopAt, reason: `idle: no activity for ${r.idleTimeoutMinutes} min` }
    : undefined;
  return [idleWarning(r), idle, scheduled(r, now), deletion(r)]
    .filter((a): a is Action => a !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** The sparse index key: when the sweep must next look at this deployment. */
export function policyAt(r: PolicyRow, now: Date): string | undefined {
  return upcoming(r, now)[0]?.at;
}

/**
 * What to do now, if anything. A schedule edge that doesn't apply to the current state (a
 * stop for an endpoint already stopped) is still returned, so the sweep can mark it handled.
 */
export function dueAction(r: PolicyRow, now: Date): Action | undefined {
  const t = now.toISOString();
  const due = upcoming(r, now).filter((a) => a.at <= t);
  const order = { delete: 0, stop: 1, start: 2, warn: 3 };
  return due.sort((a, b) => order[a.kind] - order[b.kind])[0];
}

export function stoppedForBudgetThisMonth(r: PolicyRow, at: string) {
  return !!r.stopReason?.startsWith("budget:") && r.stateChangedAt.slice(0, 7) === at.slice(0, 7);
}

/** Whether an action can act on the deployment as it is, or only mark its edge handled. */
export function applies(r: PolicyRow, action: Action): boolean {
  switch (action.kind) {
    case "stop":
      return r.state !== "stopping" && canRequest(r.state, "stopping");
    case "start":
      // A hard budget's stop stands for the rest of its month: the schedule doesn't undo it.
      return r.state === "stopped" && !stoppedForBudgetThisMonth(r, action.at);
    case "delete":
      return r.state === "stopped";
    case "warn":
      return r.state === "ready";
  }
}
