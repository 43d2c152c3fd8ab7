import type { EndpointListEventsResponse } from "together-ai/resources/beta/endpoints/endpoints";
import { iso, type SimState } from "../state";
import { newId } from "./ids";

type Level = EndpointListEventsResponse["level"];
export type SimEvent = Omit<EndpointListEventsResponse, "createdAt" | "id"> & {
  id: string;
  at: number;
  seq: number;
};

export const levels: Level[] = ["LEVEL_DEBUG", "LEVEL_INFO", "LEVEL_WARN", "LEVEL_ERROR"];

type EmitInput = Omit<SimEvent, "id" | "seq" | "at" | "level" | "source" | "sourceKind"> & {
  at?: number;
  level?: Level;
};

/** Records what happened to an endpoint or one of its deployments, as of `at` (default now). */
export function emit(state: SimState, input: EmitInput): SimEvent {
  const { at, level, ...rest } = input;
  const event: SimEvent = {
    ...rest,
    id: newId("evt"),
    at: at ?? state.now(),
    seq: state.v2.seq++,
    level: level ?? "LEVEL_INFO",
    sourceKind: input.deploymentId ? "SOURCE_KIND_DEPLOYMENT" : "SOURCE_KIND_ENDPOINT",
    source: input.deploymentId ? "deployment-controller" : "endpoint-controller",
  };
  state.v2.events.push(event);
  return event;
}

export function eventView(event: SimEvent): EndpointListEventsResponse {
  const { at, seq: _seq, ...rest } = event;
  return { ...rest, createdAt: iso(at) };
}

export type EventFilter = {
  since?: number;
  until?: number;
  types?: string[];
  minLevel?: Level;
  sourceKinds?: EndpointListEventsResponse["sourceKind"][];
  deploymentIds?: string[];
  subjectId?: string;
};

/** Array query parameters arrive comma-joined (`types=a%2Cb`) or repeated; both are accepted. */
export function listParam(values: string[] | undefined): string[] | undefined {
  const all = (values ?? [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  return all.length ? all : undefined;
}

/** Parses the feed's query; an unparseable time or unknown enum is the caller's mistake. */
export function parseFilter(query: (name: string) => string[] | undefined): EventFilter | string {
  const one = (name: string) => query(name)?.[0];
  const time = (name: string) => {
    const raw = one(name);
    if (raw === undefined) return undefined;
    const ms = Date.parse(raw);
    return Number.isNaN(ms) ? Number.NaN : ms;
  };
  const since = time("since");
  const until = time("until");
  if (Number.isNaN(since)) return `invalid since: ${one("since")} is not an RFC 3339 time`;
  if (Number.isNaN(until)) return `invalid until: ${one("until")} is not an RFC 3339 time`;
  const minLevel = one("minLevel");
  if (minLevel !== undefined && !levels.includes(minLevel as Level))
    return `invalid minLevel: ${minLevel}; use one of ${levels.join(", ")}`;
  const sourceKinds = listParam(query("sourceKinds"));
  const kinds = ["SOURCE_KIND_ENDPOINT", "SOURCE_KIND_DEPLOYMENT"];
  const badKind = sourceKinds?.find((k) => !kinds.includes(k));
  if (badKind) return `invalid sourceKinds: ${badKind}; use ${kinds.join(" or ")}`;
  return {
    since,
    until,
    types: listParam(query("types")),
    minLevel: minLevel as Level | undefined,
    sourceKinds: sourceKinds as EventFilter["sourceKinds"],
    deploymentIds: listParam(query("deploymentIds")),
    subjectId: one("subjectId"),
  };
}

/**
 * All filters AND together. `deploymentIds` keeps only those deployments' events, and drops the
 * endpoint's own unless `SOURCE_KIND_ENDPOINT` is asked for explicitly (reference §6).
 */
export function matches(event: SimEvent, filter: EventFilter): boolean {
  if (filter.since !== undefined && event.at < filter.since) return false;
  if (filter.until !== undefined && event.at >= filter.until) return false;
  if (filter.types && !filter.types.includes(event.type)) return false;
  if (filter.minLevel && levels.indexOf(event.level) < levels.indexOf(filter.minLevel)) return false;
  if (filter.sourceKinds && !filter.sourceKinds.includes(event.sourceKind)) return false;
  if (filter.subjectId && event.subjectId !== filter.subjectId) return false;
  if (filter.deploymentIds) {
    if (event.deploymentId) return filter.deploymentIds.includes(event.deploymentId);
    return filter.sourceKinds?.includes("SOURCE_KIND_ENDPOINT") ?? false;
  }
  return true;
}

/** Newest first; events of the same millisecond in reverse order of recording. */
export function endpointEvents(state: SimState, endpointId: string, filter: EventFilter): SimEvent[] {
  return state.v2.events
    .filter((e) => e.endpointId === endpointId && matches(e, filter))
    .sort((a, b) => b.at - a.at || b.seq - a.seq);
}
