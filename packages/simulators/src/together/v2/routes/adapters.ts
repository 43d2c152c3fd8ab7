import { type Context, Hono } from "hono";
import * as z from "zod";
import type { SimState } from "../../state";
import { ADAPTER_CAPACITY, adaptersOf, adapterView, attach } from "../adapters";
import { advanceDeployments, type SimDeployment } from "../deployments";
import { FAILED_PRECONDITION, notFound, readV2Body, staleEtag, v2fail } from "../errors";
import { emit } from "../events";
import { newEtag } from "../ids";
import { findModel } from "../lookup";
import { latestRevision, revisionStatus } from "../models";
import { pageOf } from "../page";

const Attach = z.object({
  adapterModelId: z.string({ error: "adapterModelId is required" }).min(1),
  adapterRevisionId: z.string().optional(),
  force: z.boolean().optional(),
});
const Repin = z.object({
  adapterRevisionId: z.string({ error: "adapterRevisionId is required" }).min(1),
  etag: z.string({ error: "etag is required" }).min(1),
});

function deployment(state: SimState, c: Context): SimDeployment | undefined {
  advanceDeployments(state);
  const d = state.v2.deployments.get(c.req.param("deploymentId") ?? "");
  return d && d.endpointId === c.req.param("endpointId") ? d : undefined;
}

/**
 * LoRA adapters loaded into one deployment (`…/deployments/:deploymentId/adapters`): only with
 * `enableLora`, only adapter models trained on the deployment's base; each row's per-cluster load
 * state moves PENDING → LOADING → READY, and REMOVING for a step after detach.
 */
export function adapterRoutes(state: SimState) {
  const app = new Hono();
  const missing = (c: Context) => notFound(c, "deployment", c.req.param("deploymentId") ?? "");

  app.get("/adapters", (c) => {
    const d = deployment(state, c);
    if (!d) return missing(c);
    return c.json(
      pageOf(
        c,
        adaptersOf(state, d.id).map((a) => adapterView(state, d, a)),
      ),
    );
  });

  app.post("/adapters", async (c) => {
    const d = deployment(state, c);
    if (!d) return missing(c);
    const body = await readV2Body(c, Attach);
    if (!body.ok) return body.response;
    if (!d.enableLora)
      return v2fail(
        c,
        400,
        "the deployment was not created with enableLora; create a deployment with enableLora: true to attach adapters",
        FAILED_PRECONDITION,
      );
    const model = findModel(state, body.data.adapterModelId);
    if (!model) return notFound(c, "model", body.data.adapterModelId);
    if (model.type !== "adapter") return v2fail(c, 400, `model ${model.id} is not an adapter (type adapter)`);
    const base = findModel(state, d.modelId);
    const servedBase = base?.baseModelId ?? base?.id;
    if (model.baseModelId !== servedBase)
      return v2fail(
        c,
        400,
        `adapter ${model.id} was trained on base model ${model.baseModelId ?? "unknown"}, not on ${servedBase}, which this deployment serves`,
      );
    const revision = body.data.adapterRevisionId
      ? model.revisions.find((r) => r.id === body.data.adapterRevisionId)
      : latestRevision(model);
    if (!revision)
      return v2fail(
        c,
        400,
        body.data.adapterRevisionId
          ? `revision ${body.data.adapterRevisionId} not found`
          : "the model has no revisions to deploy",
      );
    if (revisionStatus(state, revision) !== "REVISION_VALIDATION_STATUS_SUCCESS")
      return v2fail(c, 400, `the adapter revision ${revision.id} has not passed validation`);
    const current = adaptersOf(state, d.id).filter(
      (a) => a.removingAt === undefined && a.adapterModelId !== model.id,
    );
    if (current.length >= ADAPTER_CAPACITY) {
      if (!body.data.force)
        return v2fail(
          c,
          400,
          `the deployment already holds ${ADAPTER_CAPACITY} adapters; detach one or pass force: true to evict the oldest`,
          FAILED_PRECONDITION,
        );
      const oldest = current[0];
      if (oldest) oldest.removingAt = state.now();
    }
    const row = attach(state, d.id, {
      adapterModelId: model.id,
      adapterProject: model.projectId,
      revisionId: revision.id,
    });
    emit(state, {
      endpointId: d.endpointId,
      deploymentId: d.id,
      type: "deployment.adapter_attached",
      subjectId: model.id,
      message: `Adapter ${model.name} attached`,
    });
    return c.json(adapterView(state, d, row));
  });

  const row = (c: Context, d: SimDeployment) =>
    adaptersOf(state, d.id).find(
      (a) => a.adapterModelId === c.req.param("adapterId") && a.removingAt === undefined,
    );

  app.get("/adapters/:adapterId", (c) => {
    const d = deployment(state, c);
    if (!d) return missing(c);
    const a = adaptersOf(state, d.id).find((x) => x.adapterModelId === c.req.param("adapterId"));
    if (!a) return notFound(c, "adapter", c.req.param("adapterId"));
    return c.json(adapterView(state, d, a));
  });

  app.patch("/adapters/:adapterId", async (c) => {
    const d = deployment(state, c);
    if (!d) return missing(c);
    const a = row(c, d);
    if (!a) return notFound(c, "adapter", c.req.param("adapterId"));
    const body = await readV2Body(c, Repin);
    if (!body.ok) return body.response;
    if (body.data.etag !== a.etag) return staleEtag(c, "adapter");
    const model = findModel(state, a.adapterModelId);
    const revision = model?.revisions.find((r) => r.id === body.data.adapterRevisionId);
    if (!revision) return notFound(c, "revision", body.data.adapterRevisionId);
    a.revisionId = revision.id;
    a.etag = newEtag();
    a.requestedAt = state.now();
    return c.json(adapterView(state, d, a));
  });

  app.delete("/adapters/:adapterId", (c) => {
    const d = deployment(state, c);
    if (!d) return missing(c);
    const a = row(c, d);
    if (!a) return notFound(c, "adapter", c.req.param("adapterId"));
    const etag = c.req.query("etag");
    if (!etag) return v2fail(c, 400, "etag is required to detach an adapter");
    if (etag !== a.etag) return staleEtag(c, "adapter");
    a.removingAt = state.now();
    a.etag = newEtag();
    emit(state, {
      endpointId: d.endpointId,
      deploymentId: d.id,
      type: "deployment.adapter_detached",
      subjectId: a.adapterModelId,
      message: "Adapter detached",
    });
    return c.json({});
  });

  return app;
}
