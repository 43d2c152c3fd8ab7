import { TransitionConflict } from "../error";
import { log } from "../util/log";
import { dispatch } from "./dispatch";
import { toInfo } from "./row";
import { canRequest } from "./states";
import { commit, load } from "./write";

/**
 * A stop the system makes for a reason (a budget, a policy): no tenant check, and a
 * deployment that can't stop now (already stopping or stopped, deleted) is left alone.
 * A concurrent write makes it decide again on the fresh row, like an API request.
 */
export async function stopFor(id: string, reason: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const row = await load(id);
    if (!row || !canRequest(row.state, "stopping")) return undefined;
    try {
      const committed = await commit(row, {
        to: "stopping",
        reason,
        set: { stopReason: reason },
        nextCheckSeconds: 0,
        guard: { version: row.version },
      });
      await dispatch(committed);
      log.info("deployment stopped", { deploymentId: id, reason });
      return toInfo(committed.row);
    } catch (error) {
      if (!(error instanceof TransitionConflict)) throw error;
    }
  }
  log.warn("deployment kept changing; not stopped this time", { deploymentId: id, reason });
  return undefined;
}
