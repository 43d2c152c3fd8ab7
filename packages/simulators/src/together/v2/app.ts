import { createHash } from "node:crypto";
import { Hono } from "hono";
import type { WhoamiResponse } from "together-ai/resources/top-level";
import type { SimState } from "../state";
import { endpointView } from "./endpoints";
import { v2fail } from "./errors";
import { allModels } from "./lookup";
import { modelView } from "./models";
import { pageOf } from "./page";
import { catalogRoutes } from "./routes/catalog";
import { endpointRoutes } from "./routes/endpoints";
import { modelRoutes } from "./routes/models";

/** `GET /v1/whoami`: the key's project, in snake_case unlike the rest of v2. */
export function whoami(state: SimState, apiKey: string): WhoamiResponse {
  const { project } = state.v2;
  return {
    api_key_id: `key_${createHash("sha256").update(apiKey).digest("hex").slice(0, 16)}`,
    organization_id: project.organizationId,
    organization_name: `${project.slug}'s organization`,
    project_id: project.id,
    project_name: project.name,
    project_slug: project.slug,
    user_id: `user_${project.slug}`,
  };
}

/** Paths the v2 routes answer, whatever prefix (`/v2`, `/v1` or none) the SDK's base URL gave them. */
export const V2_PATH = /^(?:\/v[12])?\/(?:projects|public|supported-models|organizations)(?:\/|$)/;

/**
 * Every v2 route, mounted under `/v2`, under `/v1` and at the root: the SDK sends them to
 * `<baseURL><path>` once its base URL is overridden (reference §1.1). A key sees one project,
 * addressed by its id (or, liberally, its slug).
 */
export function v2Routes(state: SimState) {
  const app = new Hono();
  app.route("/", catalogRoutes(state));
  app.use("/projects/:projectId/*", async (c, next) => {
    const id = c.req.param("projectId");
    const { project } = state.v2;
    if (id !== project.id && id !== project.slug)
      return v2fail(c, 403, `the API key has no access to project ${id}; its project is ${project.id}`);
    await next();
  });
  app.use("/organizations/:organizationId/*", async (c, next) => {
    const id = c.req.param("organizationId");
    if (id !== state.v2.project.organizationId)
      return v2fail(c, 403, `the API key has no access to organization ${id}`);
    await next();
  });
  // Org-scoped lists show what the project shared with its organization: VISIBILITY_INTERNAL only.
  app.get("/organizations/:organizationId/endpoints", (c) => {
    const shared = [...state.v2.endpoints.values()].filter((e) => e.visibility === "VISIBILITY_INTERNAL");
    return c.json(
      pageOf(
        c,
        shared.map((e) => endpointView(state, e)),
      ),
    );
  });
  app.get("/organizations/:organizationId/models", (c) => {
    const shared = allModels(state).filter((m) => !m.platform && m.visibility === "VISIBILITY_INTERNAL");
    return c.json(
      pageOf(
        c,
        shared.map((m) => modelView(state, m)),
      ),
    );
  });
  app.route("/projects/:projectId", endpointRoutes(state));
  app.route("/projects/:projectId", modelRoutes(state));
  return app;
}
