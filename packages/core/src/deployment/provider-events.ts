import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Provider, ProviderEvent } from "../provider";
import { enqueueJob } from "../queue";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { log } from "../util/log";
import { providerEventKey } from "./keys";
import type { Row } from "./row";
import { load } from "./write";

/**
 * Provider event types that say the endpoint changed on its own side: seeing a new one, Hangar
 * looks at the deployment again at once instead of at its settled pace (README: Together).
 */
export const reactingTypes = [
  "deployment.status_updated",
  "deployment.scaled",
  "deployment.updated",
  "deployment.deleted",
  "endpoint.updated",
  "endpoint.deleted",
] as const;

export function reactsTo(type: string): boolean {
  return (reactingTypes as readonly string[]).includes(type);
}

/** One provider event as stored beside the deployment's own history (pk DEP#id, sk PEV#at#id). */
export type ProviderEventRow = {
  pk: string;
  sk: string;
  type: "provider_event";
  deploymentId: string;
  tenantId: string;
  event: ProviderEvent;
};

/** The newest `at` of what was read, or the cursor as it was: the next read starts there (inclusive). */
export function nextSince(events: ProviderEvent[], since?: string): string | undefined {
  return events.reduce<string | undefined>((max, e) => (!max || e.at > max ? e.at : max), since);
}

/** At most this many are stored per check, oldest first, so a burst is spread over a few checks. */
const PER_CHECK = 200;

export type Feed = { since?: string; react: boolean };

/**
 * Reads the provider's feed for the deployment's endpoints since the last cursor and stores
 * what is new (a conditional put per event: one read twice is stored once). The feed is extra
 * knowledge, never a reason to fail a step: if it can't be read, the step goes on without it.
 */
export async function readFeed(row: Row, p: Provider): Promise<Feed | undefined> {
  const ids = [row.endpointId, row.migration?.endpointId].filter((id): id is string => !!id);
  if (!p.events || !ids.length) return undefined;
  const read = p.events.bind(p);
  try {
    const all = (
      await Promise.all(ids.map((endpointId) => read({ endpointId, since: row.providerEventsSince })))
    )
      .flat()
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      .slice(0, PER_CHECK);
    const stored = await Promise.all(all.map((event) => store(row, event)));
    const fresh = all.filter((_, i) => stored[i]);
    return { since: nextSince(all, row.providerEventsSince), react: fresh.some((e) => reactsTo(e.type)) };
  } catch (error) {
    log.warn("provider events not read", { deploymentId: row.id, error });
    return undefined;
  }
}

async function store(row: Row, event: ProviderEvent): Promise<boolean> {
  const item: ProviderEventRow = {
    ...providerEventKey(row.id, event.at, event.id),
    type: "provider_event",
    deploymentId: row.id,
    tenantId: row.tenantId,
    event,
  };
  try {
    await dynamo().send(
      new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: "attribute_not_exists(pk)" }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Between checks (with the activity read, once a minute): reads the feed of each serving
 * deployment and, where a new event says it changed, runs its check now instead of at the
 * settled pace. The cursor stays the step's to move: that check reads from it again, and
 * stores nothing twice. Returns the deployments looked at again.
 */
export async function lookWhereFeedsChanged(rows: Row[], p: Provider): Promise<string[]> {
  if (!p.events) return [];
  const changed: string[] = [];
  for (const row of rows) {
    const feed = await readFeed(row, p);
    if (!feed?.react) continue;
    const fresh = await load(row.id);
    if (!fresh?.checkId) continue;
    await enqueueJob({ type: "deployment.step", deploymentId: fresh.id, checkId: fresh.checkId });
    changed.push(fresh.id);
  }
  return changed;
}
