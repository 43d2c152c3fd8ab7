import type { EndpointListEventsResponse } from "together-ai/resources/beta/endpoints/endpoints";
import * as z from "zod";
import type { ProviderEvent } from "../../../src/provider";
import type { TogetherV2Client } from "./client";
import { parseId } from "./states";

/** One entry of `GET …/endpoints/{id}/events` (reference §6), the fields Hangar keeps. */
export const EventWire = z.object({
  id: z.string(),
  createdAt: z.string(),
  endpointId: z.string(),
  level: z.string(),
  source: z.string().default(""),
  sourceKind: z.string().optional(),
  type: z.string(),
  deploymentId: z.string().optional(),
  message: z.string().optional(),
  oldReplicas: z.number().optional(),
  newReplicas: z.number().optional(),
});
export type EventWire = z.infer<typeof EventWire>;

const levels: Record<string, ProviderEvent["level"]> = {
  LEVEL_DEBUG: "debug",
  LEVEL_INFO: "info",
  LEVEL_WARN: "warn",
  LEVEL_ERROR: "error",
};

/** A feed entry as core keeps it; a scaling event without a message says its replica counts. */
export function toProviderEvent(e: EventWire): ProviderEvent {
  const scaled =
    e.oldReplicas !== undefined || e.newReplicas !== undefined
      ? `replicas ${e.oldReplicas ?? 0} → ${e.newReplicas ?? 0}`
      : undefined;
  return {
    id: e.id,
    at: e.createdAt,
    type: e.type,
    level: levels[e.level] ?? "info",
    ...(e.message || scaled ? { message: e.message ?? scaled } : {}),
    ...(e.source ? { source: e.source } : {}),
    ...(e.deploymentId ? { deploymentId: e.deploymentId } : {}),
  };
}

/** Pages read per call at most: a burst beyond it is read on the next check, from the same cursor. */
const MAX_PAGES = 5;

/**
 * The endpoint's feed since `since` (inclusive), oldest first. The feed pages newest first, so
 * each page goes back further in time; debug entries (pod logs) are left out at the source.
 * The whole endpoint is read, not only this deployment: a hardware change's new deployment
 * under the same endpoint is part of the same Hangar deployment.
 */
export async function endpointEvents(
  client: TogetherV2Client,
  input: { endpointId: string; since?: string },
): Promise<ProviderEvent[]> {
  const ids = parseId(input.endpointId);
  if (!ids) return [];
  const path = `/endpoints/${encodeURIComponent(ids.endpointId)}/events`;
  const events: EventWire[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await client.projectGet(path, pageOf(EventWire), {
      since: input.since,
      minLevel: "LEVEL_INFO",
      limit: 100,
      after,
    });
    events.push(...answer.data);
    after = answer.data.length ? (answer.next_cursor ?? undefined) : undefined;
    if (!after) break;
  }
  return events.map(toProviderEvent).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item).default([]), next_cursor: z.string().nullish() });

type Reads<Ours, Sdk> = Sdk extends Ours ? true : never;
export const eventSdkCheck: Reads<z.input<typeof EventWire>, EndpointListEventsResponse> = true;
