import { Hono } from "hono";
import type {
  ModelListFilesResponse,
  ModelListRevisionsResponse,
} from "together-ai/resources/beta/models/models";
import type { RemoteUploadEventsResponse } from "together-ai/resources/beta/models/remote-uploads";
import * as z from "zod";
import { hubFailure } from "../../hub";
import { iso, type SimState } from "../../state";
import { configsFor, configView, findConfig } from "../configs";
import { advanceDeployments } from "../deployments";
import { bareName } from "../endpoints";
import { alreadyExists, FAILED_PRECONDITION, notFound, readV2Body, v2fail } from "../errors";
import { allModels, findModel, projectModel } from "../lookup";
import { createModel, latestRevision, modelType, modelView, platformModels, revisionView } from "../models";
import { page, pageOf } from "../page";
import { advanceUpload, startRemoteUpload, uploadView } from "../uploads";

const Create = z.looseObject({
  name: z.string({ error: "name is required" }).min(1),
  baseModelId: z.string().optional(),
  type: z.string({ error: "type is required (model or adapter)" }),
  description: z.string().optional(),
});
const Update = z.looseObject({
  name: z.string().optional(),
  description: z.string().optional(),
  visibility: z.enum(["VISIBILITY_PRIVATE", "VISIBILITY_INTERNAL"]).optional(),
});
const Upload = z.object({
  modelId: z.string({ error: "modelId is required" }).min(1),
  remoteUrl: z.string({ error: "remoteUrl is required" }).min(1),
  token: z.string().optional(),
});

const NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,126})$/;

/** Routes under `/projects/:projectId`: custom models, their uploads, revisions and files, and configs. */
export function modelRoutes(state: SimState) {
  const app = new Hono();
  const v2 = state.v2;
  const projectModels = () => allModels(state).filter((m) => !m.platform);

  app.get("/models/uploads", (c) => {
    const all = [...v2.uploads.values()]
      .map((u) => advanceUpload(state, u))
      .sort((a, b) => b.createdAt - a.createdAt);
    return c.json(
      pageOf(
        c,
        all.map((u) => uploadView(state, u)),
      ),
    );
  });

  app.post("/models/uploads", async (c) => {
    const body = await readV2Body(c, Upload);
    if (!body.ok) return body.response;
    const model = projectModel(state, body.data.modelId);
    if (!model) return notFound(c, "model", body.data.modelId);
    const { remoteUrl, token } = body.data;
    const failure = state.hubUrl ? await hubFailure(state.hubUrl, remoteUrl, token) : undefined;
    return c.json(uploadView(state, startRemoteUpload(state, model, remoteUrl, failure)));
  });

  app.get("/models/uploads/:uploadId", (c) => {
    const upload = v2.uploads.get(c.req.param("uploadId"));
    if (!upload) return notFound(c, "upload job", c.req.param("uploadId"));
    return c.json(uploadView(state, advanceUpload(state, upload)));
  });

  app.get("/models/uploads/:uploadId/events", (c) => {
    const upload = v2.uploads.get(c.req.param("uploadId"));
    if (!upload) return notFound(c, "upload job", c.req.param("uploadId"));
    const events = [...advanceUpload(state, upload).events]
      .reverse()
      .map(({ createdAt, ...e }): RemoteUploadEventsResponse.Data => ({ ...e, createdAt: iso(createdAt) }));
    const { next_cursor, ...rest } = pageOf(c, events);
    return c.json({ ...rest, ...(next_cursor ? { next_cursor } : {}) } satisfies RemoteUploadEventsResponse);
  });

  app.get("/models", (c) => {
    const visibility = c.req.query("visibility");
    const all = projectModels()
      .filter((m) => !visibility || m.visibility === visibility)
      .sort((a, b) => b.createdAt - a.createdAt);
    return c.json(
      pageOf(
        c,
        all.map((m) => modelView(state, m)),
      ),
    );
  });

  app.post("/models", async (c) => {
    const body = await readV2Body(c, Create);
    if (!body.ok) return body.response;
    const name = bareName(v2.project.slug, body.data.name);
    if (!NAME.test(name))
      return v2fail(c, 400, `invalid name: ${body.data.name}; use letters, digits, '.', '_' or '-'`);
    if (!body.data.baseModelId) return v2fail(c, 400, "base_model_id is required");
    const type = modelType(body.data.type);
    if (!type) return v2fail(c, 400, `invalid type: ${body.data.type}; use model or adapter`);
    const base = platformModels(state).find(
      (m) => m.id === body.data.baseModelId || m.name === body.data.baseModelId,
    );
    if (!base)
      return v2fail(
        c,
        400,
        `base model ${body.data.baseModelId} is not a supported base model; see GET /supported-models for baseModelId values`,
      );
    if (projectModels().some((m) => m.name === name)) return alreadyExists(c, "Model name already exists");
    const model = createModel(state, {
      name,
      base,
      type,
      ...(body.data.description === undefined ? {} : { description: body.data.description }),
    });
    return c.json(modelView(state, model));
  });

  app.get("/models/:modelId", (c) => {
    const model = findModel(state, c.req.param("modelId"));
    if (!model) return notFound(c, "model", c.req.param("modelId"));
    return c.json(modelView(state, model));
  });

  app.patch("/models/:modelId", async (c) => {
    const model = projectModel(state, c.req.param("modelId"));
    if (!model) return notFound(c, "model", c.req.param("modelId"));
    const body = await readV2Body(c, Update);
    if (!body.ok) return body.response;
    const paths = c.req
      .query("updateMask")
      ?.split(",")
      .map((p) => p.trim()) ?? ["name", "description", "visibility"];
    const { name, description, visibility } = body.data;
    if (paths.includes("name") && name !== undefined) {
      const bare = bareName(v2.project.slug, name);
      if (!NAME.test(bare)) return v2fail(c, 400, `invalid name: ${name}`);
      if (projectModels().some((m) => m !== model && m.name === bare))
        return alreadyExists(c, "Model name already exists");
      const v1 = state.models.get(`${state.owner}/${model.name}`);
      if (v1) {
        state.models.delete(v1.id);
        state.models.set(`${state.owner}/${bare}`, { ...v1, id: `${state.owner}/${bare}` });
      }
      model.name = bare;
    }
    if (paths.includes("description")) model.description = description;
    if (paths.includes("visibility") && visibility) model.visibility = visibility;
    return c.json(modelView(state, model));
  });

  app.delete("/models/:modelId", (c) => {
    const model = projectModel(state, c.req.param("modelId"));
    if (!model) return notFound(c, "model", c.req.param("modelId"));
    advanceDeployments(state);
    const used =
      [...v2.deployments.values()].some((d) => d.modelId === model.id) ||
      [...v2.adapters.values()].some((list) => list.some((a) => a.adapterModelId === model.id));
    if (used) return v2fail(c, 400, "the model is referenced by a live deployment", FAILED_PRECONDITION);
    v2.models.delete(model.id);
    state.models.delete(`${state.owner}/${model.name}`);
    return c.json({});
  });

  app.get("/models/:modelId/revisions", (c) => {
    const model = findModel(state, c.req.param("modelId"));
    if (!model) return notFound(c, "model", c.req.param("modelId"));
    const data = [...model.revisions].reverse().map((r) => revisionView(state, r));
    return c.json({ object: "list", data } satisfies ModelListRevisionsResponse);
  });

  app.get("/models/:modelId/revisions/:revisionId", (c) => {
    const model = findModel(state, c.req.param("modelId"));
    const revision = model?.revisions.find((r) => r.id === c.req.param("revisionId"));
    if (!revision) return notFound(c, "revision", c.req.param("revisionId"));
    return c.json(revisionView(state, revision));
  });

  app.get("/models/:modelId/files", (c) => {
    const model = findModel(state, c.req.param("modelId"));
    if (!model) return notFound(c, "model", c.req.param("modelId"));
    const wanted = c.req.query("revisionId");
    const revision = wanted ? model.revisions.find((r) => r.id === wanted) : latestRevision(model);
    if (!revision)
      return wanted ? notFound(c, "revision", wanted) : v2fail(c, 400, "the model has no revisions");
    const data = revision.files.map((f) => ({ path: f.path, sizeBytes: String(f.sizeBytes), hash: f.hash }));
    const total = revision.files.reduce((s, f) => s + f.sizeBytes, 0);
    return c.json({
      object: "list",
      data,
      revisionId: revision.id,
      revisionCreatedAt: iso(revision.createdAt),
      totalSizeBytes: String(total),
    } satisfies ModelListFilesResponse);
  });

  app.get("/configs", (c) => {
    const reference = c.req.query("referenceModel");
    const referenceId = c.req.query("referenceModelId");
    const fromName = reference ? /\/models\/([^/]+)/.exec(reference)?.[1] : undefined;
    if (reference && !fromName)
      return v2fail(
        c,
        400,
        `invalid referenceModel: ${reference}; use projects/{projectId}/models/{modelId}`,
      );
    if (fromName && referenceId && fromName !== referenceId)
      return v2fail(c, 400, "referenceModel and referenceModelId name different models");
    const id = fromName ?? referenceId;
    const models = id ? [findModel(state, id)] : allModels(state);
    if (id && !models[0]) return notFound(c, "model", id);
    const configs = models.flatMap((m) => (m ? configsFor(m) : []));
    return c.json(page(configs.map(configView), c.req.query("after"), c.req.query("limit")));
  });

  app.get("/configs/:configId", (c) => {
    const config = findConfig(state, c.req.param("configId"));
    if (!config) return notFound(c, "config", c.req.param("configId"));
    return c.json(configView(config));
  });

  return app;
}
