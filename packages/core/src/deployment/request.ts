import type { z } from "zod";
import { TransitionConflict, VisibleError } from "../error";
import { fn } from "../util/fn";
import { dispatch } from "./dispatch";
import { adaptersOf } from "./follow";
import { UpdateInput } from "./input";
import { mine } from "./query";
import { desiredOf, type Row, toInfo } from "./row";
import { canRequest } from "./states";
import { checkUpdate } from "./validate";
import { type Change, commit } from "./write";

/**
 * Applies what a caller asked for, retrying when a worker wrote in between: the decision is
 * made again on the fresh row, so a request never acts on a state it did not see. A decision
 * of no change leaves the row as it is.
 */
export async function request(
  id: string,
  decide: (row: Row) => Omit<Change, "guard"> | undefined | Promise<Omit<Change, "guard"> | undefined>,
) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const row = await mine(id);
    const change = await decide(row);
    if (!change) return toInfo(row);
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
  if (!canRequest(row.state, to)) {
    throw new VisibleError(
      "conflict",
      "deployment.invalid_state",
      `Cannot ${action} a deployment that is ${row.state}.`,
      { state: row.state },
    );
  }
}

/** An adapter loaded onto a deployment runs, stops and scales with its base. */
function assertOwnEndpoint(row: Row, action: string) {
  if (row.model.baseDeploymentId) {
    throw new VisibleError(
      "conflict",
      "deployment.adapter_follows_base",
      `Cannot ${action} an adapter loaded onto ${row.model.baseDeploymentId}; ${action} that deployment instead.`,
    );
  }
}

export function stop(id: string, reason = "manual") {
  return request(id, (row) => {
    assertOwnEndpoint(row, "stop");
    assertCan(row, "stopping", "stop");
    return { to: "stopping", reason, set: { stopReason: reason }, nextCheckSeconds: 0 };
  });
}

export function start(id: string) {
  return request(id, (row) => {
    assertOwnEndpoint(row, "start");
    assertCan(row, "starting", "start");
    return { to: "starting", reason: "manual", remove: ["stopReason", "unconfirmed"], nextCheckSeconds: 0 };
  });
}

/**
 * A base with adapters is deleted only with `cascade`, which deletes them with it (they follow
 * the base: see follow.ts); without it the answer lists them.
 */
export function remove(id: string, options: { cascade?: boolean } = {}) {
  return request(id, async (row) => {
    assertCan(row, "deleting", "delete");
    if (!options.cascade && row.allowAdapters && !row.model.baseDeploymentId) {
      const adapters = await adaptersOf(row.id);
      if (adapters.length) {
        throw new VisibleError(
          "conflict",
          "deployment.has_adapters",
          `${adapters.length} adapter(s) are loaded onto this deployment: delete them first, or delete with ?cascade=true to delete them too.`,
          { adapters: adapters.map((a) => ({ id: a.id, name: a.name, state: a.state })) },
        );
      }
    }
    return { to: "deleting", reason: "manual", nextCheckSeconds: 0 };
  });
}

/**
 * Records the spec asked for at once; the worker brings the provider to it. A running
 * deployment starts updating; one stopped (or stopping) keeps it for its next start; one on its
 * way up or already updating picks it up on its next check, which comes at once.
 */
export const update = fn(UpdateInput, async (input: z.output<typeof UpdateInput>, id: string) => {
  // A v1 hardware id asked of a Together v2 deployment is recorded under its v2 name.
  const hardware = (await checkUpdate(id, input)) ?? input.hardware;
  return request(id, (row) => {
    assertOwnEndpoint(row, "update");
    const set: Partial<Row> = {};
    if (input.idleTimeoutMinutes !== undefined) set.idleTimeoutMinutes = input.idleTimeoutMinutes;
    if (input.wakeOnRequest !== undefined) set.wakeOnRequest = input.wakeOnRequest;
    if (input.idlePolicy) {
      set.idleGraceMinutes = input.idlePolicy.graceMinutes;
      set.idleWarnMinutes = input.idlePolicy.warnBeforeMinutes;
      set.deleteAfterStoppedDays = input.idlePolicy.deleteAfterStoppedDays;
    }
    if (input.schedule !== undefined) {
      // A new schedule applies from now on: edges already past are not replayed.
      set.schedule = input.schedule ?? undefined;
      set.scheduleCursor = new Date().toISOString();
    }
    const was = desiredOf(row);
    const desired = {
      ...was,
      autoscaling: input.autoscaling ?? was.autoscaling,
      hardware: hardware ?? was.hardware,
    };
    const changed = !same(desired.autoscaling, was.autoscaling) || desired.hardware !== was.hardware;
    if (row.state === "deleting" || row.state === "deleted" || (changed && row.state === "failed")) {
      assertCan(row, "updating", "update");
    }
    if (!changed) return { set };
    if (row.migration && desired.hardware !== was.hardware) {
      throw new VisibleError(
        "conflict",
        "deployment.migration_in_progress",
        "The deployment is migrating to Together v2: change its hardware once `deployment.migrated` (or `deployment.migration_failed`) has fired.",
      );
    }
    if (row.state === "ready") {
      return { to: "updating", reason: "manual", set: { ...set, desired }, nextCheckSeconds: 0 };
    }
    const moving = ["provisioning", "starting", "updating"].includes(row.state);
    return { set: { ...set, desired }, nextCheckSeconds: moving ? 0 : undefined };
  });
});

function same(a: Row["autoscaling"], b: Row["autoscaling"]) {
  return a.minReplicas === b.minReplicas && a.maxReplicas === b.maxReplicas;
}
