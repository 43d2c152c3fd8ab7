import { precisions } from "@hangar/core/providers/fireworks/provider";
import { Hono } from "hono";
import * as z from "zod";
import { catalog } from "../catalog";
import { notFound, rpcError } from "../errors";
import { accountOf, paginate, readBody, splitVerb, validId } from "../http";
import {
  advanceModel,
  catalogView,
  createModel,
  missingFiles,
  modelView,
  nativePrecisions,
  signFile,
} from "../models";
import type { SimState } from "../state";

const Create = z.object({
  modelId: z.string(),
  model: z
    .looseObject({
      displayName: z.string().max(63, "display_name must be fewer than 64 characters").optional(),
      description: z.string().optional(),
      kind: z.string().default("HF_PEFT_ADDON"),
      huggingFaceUrl: z.string().optional(),
      peftDetails: z
        .object({
          baseModel: z.string(),
          r: z.number().int().min(4).max(64),
          targetModules: z.array(z.string()).min(1),
        })
        .optional(),
    })
    .default({ kind: "HF_PEFT_ADDON" }),
});

const UploadEndpoint = z.object({
  filenameToSize: z.record(
    z.string(),
    z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]).transform(Number),
  ),
  enableResumableUpload: z.boolean().optional(),
});

const Prepare = z.object({ precision: z.enum(precisions, { error: "unknown precision" }) });

export function modelRoutes(state: SimState) {
  const app = new Hono();

  app.post("/models", async (c) => {
    const body = await readBody(c, Create);
    if (!body.ok) return body.response;
    const { modelId, model } = body.data;
    if (!validId(modelId))
      return rpcError(c, "INVALID_ARGUMENT", `invalid resource: model ID "${modelId}" is invalid`);
    if (state.models.has(modelId)) return rpcError(c, "ALREADY_EXISTS", `model ID ${modelId} already exists`);
    if (model.kind === "HF_PEFT_ADDON" && !model.peftDetails)
      return rpcError(c, "INVALID_ARGUMENT", "invalid resource: peft_details is required for HF_PEFT_ADDON");
    if (!["HF_BASE_MODEL", "HF_PEFT_ADDON"].includes(model.kind))
      return rpcError(c, "UNIMPLEMENTED", `model kind ${model.kind} is not supported by the simulator`);
    const created = createModel(state, modelId, model);
    return c.json(modelView(created));
  });

  app.get("/models", (c) => {
    if (accountOf(c) === "fireworks") {
      const views = catalog.flatMap((m) => catalogView(m.id) ?? []);
      return c.json(paginate(c, views, "models", state.maxPageSize));
    }
    const models = [...state.models.values()].sort((a, b) => a.name.localeCompare(b.name));
    return c.json(
      paginate(
        c,
        models.map((m) => modelView(advanceModel(state, m))),
        "models",
        state.maxPageSize,
      ),
    );
  });

  app.get("/models/:segment", (c) => {
    const [id, verb] = splitVerb(c.req.param("segment"));
    if (accountOf(c) === "fireworks") {
      const view = catalogView(id);
      return view && !verb ? c.json(view) : notFound(c, "model", `accounts/fireworks/models/${id}`);
    }
    const model = state.models.get(id);
    if (!model) return notFound(c, "model", `accounts/${state.account}/models/${id}`);
    advanceModel(state, model);
    if (!verb) return c.json(modelView(model));
    if (verb !== "validateUpload") return rpcError(c, "NOT_FOUND", `unknown method ${verb}`);
    if (model.state === "READY") return c.json({});
    const missing = missingFiles(model);
    if (missing.length > 0) {
      return rpcError(
        c,
        "FAILED_PRECONDITION",
        `FAILED_PRECONDITION: model files are not fully uploaded yet: ${missing.join(", ")}`,
      );
    }
    const failure = state.failNextValidations.shift();
    if (failure) {
      model.status = { code: "INVALID_ARGUMENT", message: failure };
      return rpcError(c, "INVALID_ARGUMENT", failure);
    }
    model.state = "READY";
    model.status = { code: "OK", message: "" };
    model.supportedPrecisions = model.kind === "HF_BASE_MODEL" ? [...nativePrecisions] : [];
    model.updateTime = state.now();
    return c.json({});
  });

  app.post("/models/:segment", async (c) => {
    const [id, verb] = splitVerb(c.req.param("segment"));
    const model = state.models.get(id);
    if (!model) return notFound(c, "model", `accounts/${state.account}/models/${id}`);
    advanceModel(state, model);
    if (verb === "getUploadEndpoint") {
      const body = await readBody(c, UploadEndpoint);
      if (!body.ok) return body.response;
      if (model.state !== "UPLOADING")
        return rpcError(c, "FAILED_PRECONDITION", `model ${model.name} is already uploaded`);
      const origin = new URL(c.req.url).origin;
      const urls = Object.entries(body.data.filenameToSize).map(([path, size]) => {
        const token = signFile(model, path, size);
        const url = new URL(
          `${origin}/_storage/fireworks-sim-uploads/${state.account}/${id}/${encodeURIComponent(path)}`,
        );
        url.search = new URLSearchParams({
          "X-Goog-Algorithm": "GOOG4-RSA-SHA256",
          "X-Goog-Credential": "sim-uploader/auto/storage/goog4_request",
          "X-Goog-Expires": "3600",
          "X-Goog-SignedHeaders": "content-type;host;x-goog-content-length-range",
          "X-Goog-Signature": token,
        }).toString();
        return [path, url.toString()];
      });
      return c.json({ filenameToSignedUrls: Object.fromEntries(urls) });
    }
    if (verb === "prepare") {
      const body = await readBody(c, Prepare);
      if (!body.ok) return body.response;
      if (model.state !== "READY" && !model.preparing)
        return rpcError(c, "FAILED_PRECONDITION", `FAILED_PRECONDITION: model ${model.name} is not READY`);
      const { precision } = body.data;
      if (model.supportedPrecisions.includes(precision) || model.preparing?.precision === precision)
        return c.json({});
      // Preparing converts the weights: the model is UPLOADING again until the new precision is ready.
      model.state = "UPLOADING";
      model.status = { code: "OK", message: `preparing model for precision ${precision}` };
      model.preparing = { precision, at: state.now() + state.step("prepareMs") };
      return c.json({});
    }
    return rpcError(c, "NOT_FOUND", `unknown method ${verb ?? "POST"}`);
  });

  app.delete("/models/:segment", (c) => {
    const id = c.req.param("segment");
    const model = state.models.get(id);
    if (!model) return notFound(c, "model", `accounts/${state.account}/models/${id}`);
    const inUse = [...state.deployments.values()].some(
      (d) => d.baseModel === model.name && d.state !== "DELETED",
    );
    if (inUse)
      return rpcError(
        c,
        "FAILED_PRECONDITION",
        `model ${model.name} cannot be deleted: it has active deployments`,
      );
    state.models.delete(id);
    return c.json({});
  });

  return app;
}
