import { TransitionConflict } from "../error";
import { queryAll, table, tableName } from "../store";
import { log } from "../util/log";
import { basePk } from "./keys";
import type { Row } from "./row";
import { canRequest, type State } from "./states";
import { type Change, type Committed, commit, load } from "./write";

/** Every adapter of a base not yet deleted: the sparse `byBase` index holds nothing else. */
const under = (baseId: string) =>
  queryAll<Row>({
    TableName: tableName(),
    IndexName: "byBase",
    KeyConditionExpression: `${table.indexes.byBase.partitionKey} = :pk`,
    ExpressionAttributeValues: { ":pk": basePk(baseId) },
  });

/** The adapters a delete of their base would take down: those still live. */
export async function adaptersOf(baseId: string): Promise<Row[]> {
  return (await under(baseId)).filter((r) => !["deleting", "deleted", "failed"].includes(r.state));
}

type Follow = Omit<Change, "guard">;

/**
 * What an adapter does when its base moves: it has no endpoint of its own, so it stops,
 * starts and goes with the base's. Undefined: nothing to do from the adapter's state (its own
 * step chain, which checks the base, covers a move this one missed).
 */
export function followMove(adapter: State, base: State): Follow | undefined {
  const to = (state: State, reason: string, extra: Partial<Follow> = {}): Follow | undefined =>
    canRequest(adapter, state) ? { to: state, reason, nextCheckSeconds: 0, ...extra } : undefined;
  switch (base) {
    case "stopping":
      return to("stopping", "base_stopped", { set: { stopReason: "base_stopped" } });
    case "stopped":
      return to(adapter === "ready" || adapter === "stopping" ? "stopped" : "stopping", "base_stopped", {
        set: { stopReason: "base_stopped" },
      });
    case "starting":
      return to("starting", "base_started", { remove: ["stopReason"] });
    case "ready":
      // Its starting step loads it again onto the endpoint that now serves: look at once.
      return adapter === "starting" || adapter === "provisioning" ? { nextCheckSeconds: 0 } : undefined;
    case "deleting":
    case "deleted":
      return to("deleting", "base_deleted", { set: { stopReason: "base_deleted" } });
    case "failed":
      return to("failed", "base_failed", {
        message: "The base deployment failed.",
        set: {
          lastError: {
            code: "base_failed",
            message: "The base deployment failed.",
            at: new Date().toISOString(),
          },
        },
      });
    default:
      return undefined;
  }
}

/**
 * Moves a base's adapters with it, right after the base's own move, each through the one
 * commit (so each fires its own webhook). Safe to lose: each adapter's step chain checks its
 * base and makes the same move later.
 */
export async function follow(base: Row, announce: (c: Committed) => Promise<void>) {
  let adapters: Row[];
  try {
    adapters = await under(base.id);
  } catch (error) {
    log.warn("adapters not told of their base's move; their own checks will", {
      deploymentId: base.id,
      error,
    });
    return;
  }
  for (const found of adapters) {
    let row: Row | undefined = found;
    for (let attempt = 0; row && attempt < 4; attempt++) {
      const move = followMove(row.state, base.state);
      if (!move) break;
      try {
        await announce(await commit(row, { ...move, guard: { version: row.version } }));
        break;
      } catch (error) {
        if (!(error instanceof TransitionConflict)) {
          log.warn("adapter did not follow its base; its own checks will", { deploymentId: row.id, error });
          break;
        }
        row = await load(row.id);
      }
    }
  }
}
