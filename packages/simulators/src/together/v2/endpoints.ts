import type { Endpoint, EndpointTrafficSplitEntry } from "together-ai/resources/beta/endpoints/endpoints";
import { iso, type SimState } from "../state";
import { deploymentsOf, summaryView } from "./deployments";
import { newEtag } from "./ids";

export type SimV2Endpoint = {
  id: string;
  /** Bare; the wire and inference name is `<slug>/<name>`. */
  name: string;
  visibility: Endpoint["visibility"];
  trafficSplit: EndpointTrafficSplitEntry[];
  createdAt: number;
  updatedAt: number;
  etag: string;
};

/** `chat-prod` or `<slug>/chat-prod`; another project's slug is refused by the caller. */
export function bareName(slug: string, name: string): string {
  return name.startsWith(`${slug}/`) ? name.slice(slug.length + 1) : name;
}

export function touch(state: SimState, thing: { updatedAt: number; etag: string }) {
  thing.updatedAt = state.now();
  thing.etag = newEtag();
}

/** The endpoint an inference `model` string names: `<slug>/<endpoint>`. */
export function endpointByName(state: SimState, name: string): SimV2Endpoint | undefined {
  const slug = state.v2.project.slug;
  if (!name.startsWith(`${slug}/`)) return undefined;
  const bare = name.slice(slug.length + 1);
  return [...state.v2.endpoints.values()].find((e) => e.name === bare);
}

export function endpointView(state: SimState, endpoint: SimV2Endpoint): Endpoint {
  const deployments = deploymentsOf(state, endpoint.id)
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, 10)
    .map((d) => summaryView(state, d));
  return {
    id: endpoint.id,
    name: `${state.v2.project.slug}/${endpoint.name}`,
    projectId: state.v2.project.id,
    endpointType: "ENDPOINT_TYPE_DEDICATED",
    visibility: endpoint.visibility,
    trafficSplit: endpoint.trafficSplit,
    deployments,
    etag: endpoint.etag,
    createdAt: iso(endpoint.createdAt),
    updatedAt: iso(endpoint.updatedAt),
  };
}
