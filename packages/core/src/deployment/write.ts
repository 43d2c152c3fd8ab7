import { GetCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { TransitionConflict, VisibleError } from "../error";
import { diffUpdate, isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { createId } from "../util/id";
import { log } from "../util/log";
import { metric } from "../util/metrics";
import type { StateEventType } from "../webhook";
import { indexFields } from "./checks";
import { type EventRow, webhookFor } from "./events";
import { eventKey } from "./keys";
import { releaseIfHeld } from "./name";
import { desiredOf, key, type Row, toInfo } from "./row";
import { canTransition, intentOf, type State } from "./states";

export async function load(id: string): Promise<Row | undefined> {
  const result = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: key(id), ConsistentRead: true }),
  );
  return result.Item as Row | undefined;
}

export type Change = {
  /** A state change; omitted for changes within the state (provider ids, next check). */
  to?: State;
  set?: Partial<Row>;
  remove?: (keyof Row)[];
  reason?: string;
  message?: string;
  /** Seconds until the next step; defaults to the state's own watch policy. */
  nextCheckSeconds?: number;
  /**
   * Who may write: the version read must still be current; a worker also holds the step
   * chain's checkId. Either way the stored state must still be the one the change came from.
   */
  guard: { version: number; checkId?: string };
  /** Only while the policy deadline has passed: a heartbeat that landed meanwhile wins. */
  dueBy?: string;
  /**
   * A change within the state that still belongs in the history and fires this webhook (a
   * migration's switch or its failure): written with an event like a state change.
   */
  announce?: StateEventType;
};

export type Committed = { row: Row; event?: EventRow };

/**
 * Applies a change with a conditional write. A state change also appends a history event in
 * the same transaction (with an outbox mark when it fires a webhook), and every change
 * replaces `checkId`, so any step message scheduled before it is recognised as stale.
 */
export async function commit(row: Row, change: Change, now = new Date()): Promise<Committed> {
  const to = change.to ?? row.state;
  if (change.to && !canTransition(row.state, change.to)) {
    throw new VisibleError(
      "conflict",
      "deployment.invalid_state",
      `A deployment that is ${row.state} cannot become ${change.to}.`,
      { state: row.state },
    );
  }
  const at = now.toISOString();
  const next: Row = { ...row, ...change.set, state: to, updatedAt: at, version: row.version + 1 };
  for (const k of change.remove ?? []) delete next[k];
  // The desired side: what the change asks for, with the intent its move expresses.
  const desired = desiredOf(next);
  next.desired = { ...desired, state: (change.to && intentOf(change.to)) || desired.state };
  delete next.pending;
  if (change.to) {
    next.stateChangedAt = at;
    next.checks = 0;
  }
  Object.assign(next, indexFields(next, now, change.nextCheckSeconds));

  const update = diffUpdate(row, next, ["pk", "sk"]);
  const Update = {
    TableName: tableName(),
    Key: key(row.id),
    UpdateExpression: update.expression,
    ConditionExpression: [
      "#g_state = :g_state AND #g_version = :g_version",
      change.guard.checkId ? "checkId = :g_check" : "",
      change.dueBy ? "policyAt <= :g_due" : "",
    ]
      .filter(Boolean)
      .join(" AND "),
    ExpressionAttributeNames: { ...update.names, "#g_state": "state", "#g_version": "version" },
    ExpressionAttributeValues: {
      ...update.values,
      ":g_state": row.state,
      ":g_version": change.guard.version,
      ...(change.guard.checkId ? { ":g_check": change.guard.checkId } : {}),
      ...(change.dueBy ? { ":g_due": change.dueBy } : {}),
    },
  };

  try {
    if (!change.to && !change.announce && !replicasMoved(row, next)) {
      await dynamo().send(new UpdateCommand(Update));
      return { row: next };
    }
    const event = eventFor(
      row.state,
      next,
      change.to || change.announce ? change : { ...change, reason: "replicas" },
      at,
    );
    // A deleted deployment gives its name back.
    const release = to === "deleted" ? await releaseIfHeld(next) : [];
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          { Update },
          { Put: { TableName: tableName(), Item: event, ConditionExpression: "attribute_not_exists(pk)" } },
          ...release,
        ],
      }),
    );
    // At the default level, so the operator's terminal (or the Lambda's log) tells each lifecycle step.
    log.info("deployment state changed", {
      deploymentId: row.id,
      tenantId: row.tenantId,
      name: row.name,
      from: row.state,
      to: next.state,
      reason: change.reason,
      message: change.message,
    });
    metric.by({ provider: row.provider, state: next.state }, "StateTransitions");
    return { row: next, event };
  } catch (error) {
    if (isConditionFailure(error)) throw new TransitionConflict(row.id, `${row.state}@${row.version}`);
    throw error;
  }
}

/**
 * A ready deployment's provider reported another count of serving replicas (its autoscaler):
 * history gets an entry (same state, reason `replicas`, no webhook) so cost follows the live
 * count between state changes; each state change records the count of its own.
 */
function replicasMoved(row: Row, next: Row) {
  const was = row.observed?.readyReplicas;
  const now = next.observed?.readyReplicas;
  return (
    row.state === "ready" &&
    next.state === "ready" &&
    typeof was === "number" &&
    typeof now === "number" &&
    was !== now
  );
}

function eventFor(from: State, row: Row, change: Change, at: string): EventRow {
  const id = createId("event");
  const webhook =
    change.announce ?? (from === row.state ? undefined : webhookFor(from, row.state, change.reason));
  return {
    ...eventKey(row.id, id),
    type: "event",
    id,
    deploymentId: row.id,
    tenantId: row.tenantId,
    from,
    to: row.state,
    reason: change.reason,
    message: change.message,
    at,
    sequence: row.version,
    webhook,
    data: toInfo(row),
    ...(webhook ? { outboxPk: "OUTBOX", outboxAt: at } : {}),
  };
}
