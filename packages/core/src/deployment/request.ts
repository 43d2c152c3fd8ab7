import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { z } from "zod";
import { Config } from "../config";
import { TransitionConflict, VisibleError } from "../error";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { fn } from "../util/fn";
import { dispatch } from "./dispatch";
import { UpdateInput } from "./input";
import { mine } from "./query";
import { key, type Row, toInfo } from "./row";
import { canTransition } from "./states";
import { type Change, commit } from "./write";

/**
 * Applies what a caller asked for, retrying when a worker wrote in between: the decision is
 * made again on the fresh row, so a request never acts on a state it did not see.
 */
async function request(id: string, decide: (row: Row) => Omit<Change, "guard">) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const row = await mine(id);
    const change = decide(row);
    try {
      const committed = await commit(row, { ...change, guard: { version: row.version } });
      await dispatch(committed);
      return toInfo(committed.row);
    } catch (error) {
      if (!(error instanceof TransitionConflict)) throw error;
    }
  }
  throw new VisibleError(
    "conflict",
    "deployment.busy",
    "The deployment changed while this request ran; retry it.",
  );
}

function assertCan(row: Row, to: Row["state"], action: string) {
  if (!canTransition(row.state, to)) {
    throw new VisibleError(
      "conflict",
      "deployment.invalid_state",
      `Cannot ${action} a deployment that is ${row.state}.`,
      { state: row.state },
    );
  }
}

export function stop(id: string, reason = "manual") {
  return request(id, (row) => {
    assertCan(row, "stopping", "stop");
    return { to: "stopping", reason, set: { stopReason: reason }, nextCheckSeconds: 0 };
  });
}

export function start(id: string) {
  return request(id, (row) => {
    assertCan(row, "starting", "start");
    return { to: "starting", reason: "manual", remove: ["stopReason"], nextCheckSeconds: 0 };
  });
}

export function remove(id: string) {
  return request(id, (row) => {
    assertCan(row, "deleting", "delete");
    return { to: "deleting", reason: "manual", nextCheckSeconds: 0 };
  });
}

export const update = fn(UpdateInput, (input: z.output<typeof UpdateInput>, id: string) =>
  request(id, (row) => {
    const set: Partial<Row> = {};
    if (input.idleTimeoutMinutes !== undefined) set.idleTimeoutMinutes = input.idleTimeoutMinutes;
    const autoscaling =
      input.autoscaling && !same(input.autoscaling, row.autoscaling) ? input.autoscaling : undefined;
    const hardware = input.hardware && input.hardware !== row.hardware ? input.hardware : undefined;
    if (!autoscaling && !hardware) {
      if (row.state === "deleting" || row.state === "deleted") assertCan(row, "updating", "update");
      return { set };
    }
    assertCan(row, "updating", "update");
    return {
      to: "updating",
      reason: "manual",
      set: { ...set, pending: { autoscaling, hardware } },
      nextCheckSeconds: 0,
    };
  }),
);

function same(a: Row["autoscaling"], b: Row["autoscaling"]) {
  return a.minReplicas === b.minReplicas && a.maxReplicas === b.maxReplicas;
}

/**
 * Records traffic on a deployment, at most once per interval: proxy traffic would otherwise
 * turn every inference call into a write. Moving `idleAt` keeps the idle index in step.
 */
export async function recordActivity(id: string, now = new Date()) {
  return touch(await mine(id), now);
}

export async function touch(row: Row, now = new Date()) {
  const id = row.id;
  const threshold = new Date(now.getTime() - Config.activityWriteIntervalSeconds() * 1000).toISOString();
  const at = now.toISOString();
  const idle = row.state === "ready" && row.idleTimeoutMinutes;
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key(id),
        UpdateExpression: idle ? "SET lastActivityAt = :at, idleAt = :idleAt" : "SET lastActivityAt = :at",
        ConditionExpression: `(attribute_not_exists(lastActivityAt) OR lastActivityAt < :threshold)${
          idle ? " AND #state = :ready AND attribute_exists(idlePk)" : ""
        }`,
        ExpressionAttributeNames: idle ? { "#state": "state" } : undefined,
        ExpressionAttributeValues: {
          ":at": at,
          ":threshold": threshold,
          ...(idle
            ? {
                ":ready": "ready",
                ":idleAt": new Date(now.getTime() + (row.idleTimeoutMinutes ?? 0) * 60_000).toISOString(),
              }
            : {}),
        },
      }),
    );
    return { recorded: true };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return { recorded: false };
  }
}
