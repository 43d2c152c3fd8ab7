import { Hono } from "hono";
import * as z from "zod";
import type { SimState } from "../../state";
import { analyticsView, parseGranularity } from "../analytics";
import { advanceDeployments, deploymentsOf } from "../deployments";
import { bareName, endpointView, type SimV2Endpoint, touch } from "../endpoints";
import { alreadyExists, FAILED_PRECONDITION, notFound, readV2Body, staleEtag, v2fail } from "../errors";
import { emit, endpointEvents, eventView, parseFilter } from "../events";
import { matchesFilter, parseListFilter, parseOrderBy, sortBy } from "../filter";
import { placementProfiles } from "../hardware";
import { newEtag, newId } from "../ids";
import { parseMask, populated } from "../mask";
import { pageOf } from "../page";
import { deploymentRoutes } from "./deployments";

const Visibility = z.enum(["VISIBILITY_PRIVATE", "VISIBILITY_INTERNAL", "VISIBILITY_PUBLIC"]);
const Split = z.array(
  z.object({ deploymentId: z.string().min(1), weight: z.number().min(0, { error: "weight must be >= 0" }) }),
);
const Create = z.looseObject({
  name: z.string({ error: "name is required" }).min(1),
  visibility: Visibility.optional(),
});
const Update = z.looseObject({
  etag: z.string().optional(),
  name: z.string().optional(),
  visibility: Visibility.optional(),
  trafficSplit: Split.optional(),
});

const NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,62})$/;
const DAY = 86_400_000;

/** Routes under `/projects/:projectId`: endpoints, their events and analytics, and their deployments. */
export function endpointRoutes(state: SimState) {
  const app = new Hono();
  const v2 = state.v2;

  /** A bare or `<slug>/`-qualified name; another project's slug is refused. */
  const nameOf = (raw: string) => {
    const bare = bareName(v2.project.slug, raw);
    return NAME.test(bare) ? bare : undefined;
  };

  app.get("/endpoints", (c) => {
    const filter = parseListFilter(c.req.query("filter"));
    if (filter === "invalid") return v2fail(c, 400, "invalid filter expression");
    const order = parseOrderBy(c.req.query("orderBy"));
    if (!order)
      return v2fail(
        c,
        400,
        "invalid orderBy; use created_at or updated_at, optionally followed by asc or desc",
      );
    const fields = (e: SimV2Endpoint) => ({
      name: [e.name, `${v2.project.slug}/${e.name}`],
      created_at: e.createdAt,
      updated_at: e.updatedAt,
    });
    const all = [...v2.endpoints.values()].filter((e) => matchesFilter(filter, fields(e)));
    return c.json(
      pageOf(
        c,
        sortBy(all, order).map((e) => endpointView(state, e)),
      ),
    );
  });

  app.post("/endpoints", async (c) => {
    const body = await readV2Body(c, Create);
    if (!body.ok) return body.response;
    const name = nameOf(body.data.name);
    if (!name)
      return v2fail(
        c,
        400,
        `invalid name: ${body.data.name}; use letters, digits, '.', '_' or '-' (optionally prefixed with ${v2.project.slug}/)`,
      );
    if ([...v2.endpoints.values()].some((e) => e.name === name)) return alreadyExists(c);
    const now = state.now();
    const endpoint: SimV2Endpoint = {
      id: newId("ep"),
      name,
      visibility:
        body.data.visibility === "VISIBILITY_INTERNAL" ? "VISIBILITY_INTERNAL" : "VISIBILITY_PRIVATE",
      trafficSplit: [],
      createdAt: now,
      updatedAt: now,
      etag: newEtag(),
    };
    v2.endpoints.set(endpoint.id, endpoint);
    emit(state, {
      endpointId: endpoint.id,
      type: "endpoint.created",
      name: `${v2.project.slug}/${name}`,
      message: "Endpoint created",
    });
    return c.json(endpointView(state, endpoint));
  });

  app.get("/endpoints/:endpointId", (c) => {
    const endpoint = v2.endpoints.get(c.req.param("endpointId"));
    if (!endpoint) return notFound(c, "endpoint", c.req.param("endpointId"));
    return c.json(endpointView(state, endpoint));
  });

  app.patch("/endpoints/:endpointId", async (c) => {
    const endpoint = v2.endpoints.get(c.req.param("endpointId"));
    if (!endpoint) return notFound(c, "endpoint", c.req.param("endpointId"));
    const body = await readV2Body(c, Update);
    if (!body.ok) return body.response;
    const { etag, ...fields } = body.data;
    if (etag && etag !== endpoint.etag) return staleEtag(c, "endpoint");
    const mask = parseMask(c.req.query("updateMask"));
    // An empty split is not a populated field: clearing it takes the mask (observed: 400 no fields to update).
    const paths =
      mask ?? populated(fields).filter((p) => p !== "trafficSplit" || (fields.trafficSplit?.length ?? 0) > 0);
    if (paths.length === 0) return v2fail(c, 400, "no fields to update");
    let name = endpoint.name;
    if (paths.includes("name")) {
      const wanted = fields.name === undefined ? undefined : nameOf(fields.name);
      if (!wanted) return v2fail(c, 400, `invalid name: ${fields.name ?? ""}`);
      if ([...v2.endpoints.values()].some((e) => e !== endpoint && e.name === wanted))
        return alreadyExists(c);
      name = wanted;
    }
    const split = paths.includes("trafficSplit") ? (fields.trafficSplit ?? []) : endpoint.trafficSplit;
    const mine = new Set(deploymentsOf(state, endpoint.id).map((d) => d.id));
    const stranger = split.find((e) => !mine.has(e.deploymentId));
    if (stranger)
      return v2fail(c, 400, `deployment ${stranger.deploymentId} does not belong to endpoint ${endpoint.id}`);
    if (new Set(split.map((e) => e.deploymentId)).size !== split.length)
      return v2fail(c, 400, "trafficSplit lists a deployment more than once");
    endpoint.name = name;
    endpoint.trafficSplit = split;
    if (paths.includes("visibility") && fields.visibility)
      endpoint.visibility =
        fields.visibility === "VISIBILITY_INTERNAL" ? "VISIBILITY_INTERNAL" : "VISIBILITY_PRIVATE";
    touch(state, endpoint);
    emit(state, { endpointId: endpoint.id, type: "endpoint.updated", paths, message: "Endpoint updated" });
    return c.json(endpointView(state, endpoint));
  });

  app.delete("/endpoints/:endpointId", (c) => {
    const endpoint = v2.endpoints.get(c.req.param("endpointId"));
    if (!endpoint) return notFound(c, "endpoint", c.req.param("endpointId"));
    const etag = c.req.query("etag");
    if (etag && etag !== endpoint.etag) return staleEtag(c, "endpoint");
    if (deploymentsOf(state, endpoint.id).length > 0)
      return v2fail(
        c,
        400,
        "the endpoint still has deployments; stop and delete them before deleting the endpoint",
        FAILED_PRECONDITION,
      );
    v2.endpoints.delete(endpoint.id);
    emit(state, {
      endpointId: endpoint.id,
      type: "endpoint.deleted",
      name: `${v2.project.slug}/${endpoint.name}`,
      message: "Endpoint deleted",
    });
    return c.json({});
  });

  app.get("/endpoints/:endpointId/events", (c) => {
    const id = c.req.param("endpointId");
    if (!v2.endpoints.has(id) && !v2.events.some((e) => e.endpointId === id))
      return notFound(c, "endpoint", id);
    advanceDeployments(state);
    const filter = parseFilter((name) => c.req.queries(name));
    if (typeof filter === "string") return v2fail(c, 400, filter);
    const foreign = filter.deploymentIds?.find(
      (d) => !v2.events.some((e) => e.endpointId === id && e.deploymentId === d),
    );
    if (foreign) return v2fail(c, 400, `deployment ${foreign} does not belong to endpoint ${id}`);
    return c.json(pageOf(c, endpointEvents(state, id, filter).map(eventView)));
  });

  app.get("/endpoints/:endpointId/analytics", (c) => {
    const endpoint = v2.endpoints.get(c.req.param("endpointId"));
    if (!endpoint) return notFound(c, "endpoint", c.req.param("endpointId"));
    const now = state.now();
    const time = (name: string, fallback: number) => {
      const raw = c.req.query(name);
      return raw === undefined ? fallback : Date.parse(raw);
    };
    const endTime = time("endTime", now + 1);
    const startTime = time("startTime", endTime - DAY);
    if (Number.isNaN(startTime) || Number.isNaN(endTime) || startTime >= endTime)
      return v2fail(
        c,
        400,
        "invalid time range: startTime and endTime must be RFC 3339 times with startTime before endTime",
      );
    const granularityMs = parseGranularity(c.req.query("granularity"));
    if (!granularityMs)
      return v2fail(c, 400, `invalid granularity: ${c.req.query("granularity")}; use e.g. 1m, 1h or 1d`);
    const deploymentId = c.req.query("deploymentId");
    const ids = deploymentsOf(state, endpoint.id).map((d) => d.id);
    return c.json(
      analyticsView(state, endpoint.id, ids, {
        startTime,
        endTime,
        granularityMs,
        includeTimeSeries: c.req.query("includeTimeSeries") === "true",
        ...(deploymentId ? { deploymentId } : {}),
      }),
    );
  });

  app.get("/placement-profiles", (c) => c.json(pageOf(c, placementProfiles(v2.project))));
  app.get("/placement-profiles/:profileId", (c) => {
    const profile = placementProfiles(v2.project).find((p) => p.id === c.req.param("profileId"));
    if (!profile) return notFound(c, "placement profile", c.req.param("profileId"));
    return c.json(profile);
  });

  app.route("/endpoints/:endpointId", deploymentRoutes(state));
  return app;
}
