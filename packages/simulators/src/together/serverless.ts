import { randomUUID } from "node:crypto";
import { catalog } from "./catalog";
import type { EndpointListItem } from "./endpoints";

const ids = new Map(catalog.filter((m) => m.serverless).map((m) => [m.id, `endpoint-${randomUUID()}`]));

/** Together's own serverless endpoints, listed to everyone unless `mine=true`. */
export function catalogEndpoints(): EndpointListItem[] {
  return catalog
    .filter((model) => model.serverless)
    .map((model) => ({
      object: "endpoint",
      id: ids.get(model.id) ?? model.id,
      name: model.id,
      model: model.id,
      type: "serverless",
      owner: "together",
      state: "STARTED",
      created_at: "2024-09-10T16:26:40.000Z",
    }));
}
