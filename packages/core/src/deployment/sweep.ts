import { TransitionConflict } from "../error";
import type { ProviderName } from "../provider";
import { usageAccount } from "../provider/lookup";
import { log } from "../util/log";
import { mapLimit } from "../util/map-limit";
import { metric } from "../util/metrics";
import { judge } from "./activity-gap";
import { dispatch } from "./dispatch";
import { POLICY_PK } from "./keys";
import { emitNotice } from "./notice";
import { due } from "./overdue";
import { type Action, applies, dueAction, upcoming } from "./policy";
import { apiVersionOf, type Row } from "./row";
import { type AccountActivity, accountActivity } from "./usage-store";
import { commit, load } from "./write";

/**
 * The policy sweep: for every deployment whose policy deadline has passed, do what is due
 * (warn, stop, start, delete) and record why. Reads only what is due.
 */
export async function sweepPolicies(now = new Date()) {
  const counts = { stopped: 0, started: 0, deleted: 0, warned: 0, unknown: 0, skipped: 0 };
  let read = 0;
  const accounts = accountCache();
  for await (const items of due<Pick<Row, "id">>("duePolicy", POLICY_PK, now.toISOString(), "id")) {
    read += items.length;
    // Each deployment is its own conditional writes, so a few at a time are safe and much faster.
    for (const result of await mapLimit(items, 8, ({ id }) => applyPolicy(id, now, accounts)))
      counts[result]++;
  }
  metric.by({ sweep: "policies" }, "SweepItemsRead", read);
  if (counts.stopped + counts.started + counts.deleted + counts.warned + counts.unknown)
    log.info("policy sweep", counts);
  return counts;
}

/** One read of each provider account's activity state per sweep, however many deployments share it. */
function accountCache() {
  const seen = new Map<string, Promise<AccountActivity | undefined>>();
  return (provider: ProviderName, account: string) => {
    const k = `${provider}#${account}`;
    if (!seen.has(k)) seen.set(k, accountActivity(provider, account));
    return seen.get(k) as Promise<AccountActivity | undefined>;
  };
}

/**
 * An idle stop of a deployment whose provider measures traffic waits until the provider was read
 * past the deadline; when reads have failed (or never succeeded) it doesn't happen at all, and
 * `deployment.idle_unknown` says why, once per outage (keyed by the last good read).
 */
async function idleUnknown(
  row: Row,
  action: Action,
  now: Date,
  accounts: ReturnType<typeof accountCache>,
): Promise<boolean> {
  if (action.kind !== "stop" || action.edge) return false;
  const account = usageAccount(row.provider, apiVersionOf(row));
  if (!account) return false;
  const verdict = judge(await accounts(row.provider, account), action.at, now);
  if (verdict.kind === "known") return false;
  if (verdict.kind === "unknown") {
    await emitNotice({
      tenantId: row.tenantId,
      type: "deployment.idle_unknown",
      deploymentId: row.id,
      key: `idle-unknown:${row.id}:${verdict.since ?? "never"}`,
      data: {
        idleAt: action.at,
        lastActivityAt: row.lastActivityAt ?? null,
        provider: row.provider,
        lastReadAt: verdict.since,
        reason: verdict.reason,
      },
    });
  }
  return true;
}

async function applyPolicy(
  id: string,
  now: Date,
  accounts: ReturnType<typeof accountCache>,
): Promise<"stopped" | "started" | "deleted" | "warned" | "unknown" | "skipped"> {
  let row = await load(id);
  if (!row) return "skipped";
  const action = dueAction(row, now);
  try {
    if (action?.kind === "warn" && applies(row, action)) {
      // Emitted first, under a key, so a retry after a lost commit doesn't warn twice.
      await emitNotice({
        tenantId: row.tenantId,
        type: "deployment.idle_warning",
        deploymentId: row.id,
        key: `idle-warning:${row.id}:${action.stopAt}`,
        data: {
          idleAt: action.stopAt,
          idleTimeoutMinutes: row.idleTimeoutMinutes,
          lastActivityAt: row.lastActivityAt ?? null,
        },
      });
      row = (await load(id)) ?? row;
      await commit(row, { set: { idleWarnedFor: action.stopAt }, guard: { version: row.version } });
      return "warned";
    }
    const cursor = action?.kind !== "warn" && action?.edge ? { scheduleCursor: action.edge } : {};
    if (!action || !applies(row, action)) {
      // Nothing to do now (the state moved on, or a schedule edge doesn't apply): record the
      // handled edge and let the commit recompute the next deadline.
      await commit(row, { set: cursor, guard: { version: row.version } });
      return "skipped";
    }
    const base = {
      reason: action.reason,
      guard: { version: row.version },
      dueBy: now.toISOString(),
      nextCheckSeconds: 0,
    };
    if (action.kind === "stop") {
      if (await idleUnknown(row, action, now, accounts)) return "unknown";
      await dispatch(
        await commit(row, { ...base, to: "stopping", set: { ...cursor, stopReason: action.reason } }),
      );
      return "stopped";
    }
    if (action.kind === "start") {
      await dispatch(
        await commit(row, { ...base, to: "starting", set: cursor, remove: ["stopReason", "unconfirmed"] }),
      );
      return "started";
    }
    await dispatch(await commit(row, { ...base, to: "deleting" }));
    return "deleted";
  } catch (error) {
    if (error instanceof TransitionConflict) return "skipped";
    throw error;
  }
}

/** What the next sweeps would do for a tenant, and why: nothing is changed. */
export async function preview(tenantId: string, now: Date, withinMinutes: number) {
  const until = new Date(now.getTime() + withinMinutes * 60_000);
  const out: {
    deploymentId: string;
    name: string;
    state: string;
    action: Action["kind"];
    at: string;
    reason: string;
  }[] = [];
  for await (const items of due<Row>("duePolicy", POLICY_PK, until.toISOString(), "")) {
    for (const row of items) {
      if (row.tenantId !== tenantId) continue;
      for (const a of upcoming(row, now)) {
        if (a.at > until.toISOString() || !applies(row, a)) continue;
        out.push({
          deploymentId: row.id,
          name: row.name,
          state: row.state,
          action: a.kind,
          at: a.at,
          reason: a.reason,
        });
      }
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
