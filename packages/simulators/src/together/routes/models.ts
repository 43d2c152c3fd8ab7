import { Hono } from "hono";
import type { EndpointListHardwareResponse } from "together-ai/resources/endpoints";
import type { ModelListResponse, ModelObject, ModelUploadResponse } from "together-ai/resources/models";
import * as z from "zod";
import { catalog, catalogModel, fits, hardwareConfigs, hardwareObject, modelObject } from "../catalog";
import { fail } from "../errors";
import { readBody } from "../http";
import { hubFailure } from "../hub";
import { advanceJob, jobView, sourceKind, startUpload, uploadedModel } from "../jobs";
import { iso, type SimState } from "../state";
import { advanceUploads } from "../v2/uploads";

const Upload = z.object({
  model_name: z.string().min(1),
  model_source: z.string().min(1),
  model_type: z.enum(["model", "adapter"]).optional(),
  hf_token: z.string().optional(),
  description: z.string().optional(),
  base_model: z.string().optional(),
  lora_model: z.string().optional(),
});

/** GPU memory a deployable model needs, or undefined when it cannot go on dedicated hardware. */
export function deployableMemory(state: SimState, model: string): number | undefined {
  const known = catalogModel(model);
  if (known) return known.dedicated ? known.memoryGb : undefined;
  advanceUploads(state);
  const uploaded = uploadedModel(state, model);
  return uploaded?.type === "model" ? uploaded.memoryGb : undefined;
}

export function modelRoutes(state: SimState) {
  const app = new Hono();

  app.get("/models", (c) => {
    for (const job of state.jobs.values()) advanceJob(state, job);
    advanceUploads(state);
    const dedicated = c.req.query("dedicated") === "true";
    const base = catalog.filter((m) => !dedicated || m.dedicated).map(modelObject);
    const uploaded = [...state.models.values()].map(
      (m): ModelObject => ({
        id: m.id,
        object: "model",
        created: m.created,
        type: "chat",
        display_name: m.id.slice(state.owner.length + 1),
        organization: state.owner,
        pricing: { hourly: 0, input: 0, output: 0, base: 0, finetune: 0 },
      }),
    );
    return c.json([...base, ...uploaded] satisfies ModelListResponse);
  });

  app.post("/models", async (c) => {
    const body = await readBody(c, Upload);
    if (!body.ok) return body.response;
    const { model_source: source, hf_token: token } = body.data;
    // Together takes the job and fails it later: the importer meets the Hub's refusal when it runs.
    const failure = state.hubUrl ? await hubFailure(state.hubUrl, source, token) : undefined;
    const job = startUpload(state, body.data, failure);
    return c.json({
      data: {
        job_id: job.job_id,
        model_name: job.model.id,
        model_id: job.model.uuid,
        model_source: sourceKind(body.data.model_source),
      },
      message: "Processing model weights. Job created.",
    } satisfies ModelUploadResponse);
  });

  app.get("/jobs", (c) =>
    c.json({ data: [...state.jobs.values()].map((job) => jobView(advanceJob(state, job))) }),
  );

  app.get("/jobs/:jobId", (c) => {
    const job = state.jobs.get(c.req.param("jobId"));
    if (!job) return fail(c, 404, `Job not found: ${c.req.param("jobId")}`, { code: "not_found" });
    return c.json(jobView(advanceJob(state, job)));
  });

  app.get("/hardware", (c) => {
    const model = c.req.query("model");
    const updatedAt = iso(state.startedAt);
    if (model === undefined) {
      return c.json({
        object: "list",
        data: hardwareConfigs.map((h) => hardwareObject(h, updatedAt, false)),
      } satisfies EndpointListHardwareResponse);
    }
    const memory = deployableMemory(state, model);
    if (memory === undefined) {
      return fail(c, 404, `Model ${model} not found or not available for dedicated deployment`, {
        code: "model_not_found",
        param: "model",
      });
    }
    const data = hardwareConfigs
      .filter((h) => fits(h, memory))
      .map((h) => hardwareObject(h, updatedAt, true));
    return c.json({ object: "list", data } satisfies EndpointListHardwareResponse);
  });

  return app;
}
