import type { Context } from "hono";
import { Hono } from "hono";
import type {
  AdapterAddResponse,
  AdapterListResponse,
  AdapterRemoveResponse,
} from "together-ai/resources/endpoints/adapters";
import * as z from "zod";
import { adapterView, splitModelId } from "../adapters";
import { liveEndpoint } from "../endpoints";
import { fail, notRunning } from "../errors";
import { readBody } from "../http";
import { uploadedModel } from "../jobs";
import type { SimState } from "../state";
import { advanceUploads } from "../v2/uploads";

const Ref = z.object({ model_id: z.string({ error: "model_id is required" }).min(1) });

const notFound = (c: Context, id: string) => fail(c, 404, `Endpoint not found: ${id}`, { code: "not_found" });

/**
 * Binding LoRA adapters to a dedicated endpoint: only a STARTED one, only an uploaded adapter
 * trained on the model it serves, each adapter once.
 */
export function adapterRoutes(state: SimState) {
  const app = new Hono();

  app.get("/endpoints/:endpointId/adapters", (c) => {
    const endpoint = liveEndpoint(state, c.req.param("endpointId"));
    if (!endpoint) return notFound(c, c.req.param("endpointId"));
    return c.json({
      object: "list",
      data: endpoint.adapters.map((name) => adapterView(endpoint, name)),
    } satisfies AdapterListResponse);
  });

  app.post("/endpoints/:endpointId/adapters", async (c) => {
    const endpoint = liveEndpoint(state, c.req.param("endpointId"));
    if (!endpoint) return notFound(c, c.req.param("endpointId"));
    const body = await readBody(c, Ref);
    if (!body.ok) return body.response;
    const modelId = body.data.model_id;
    const ref = splitModelId(modelId);
    if (ref?.endpointName !== endpoint.name) {
      return fail(
        c,
        400,
        `model_id ${modelId} must be "<endpoint_name>:<adapter_model_name>" with this endpoint's name ${endpoint.name}`,
        { param: "model_id", code: "invalid_model_id" },
      );
    }
    advanceUploads(state);
    const adapter = uploadedModel(state, ref.adapter);
    if (adapter?.type !== "adapter") {
      return fail(c, 404, `Adapter model ${ref.adapter} not found`, {
        param: "model_id",
        code: "model_not_found",
      });
    }
    if (endpoint.state !== "STARTED") {
      return fail(c, 400, notRunning(endpoint.name), { code: "dedicated_endpoint_not_running" });
    }
    if (adapter.base_model !== endpoint.model) {
      return fail(
        c,
        400,
        `Adapter ${ref.adapter} was trained on ${adapter.base_model ?? "an unknown base model"}, not on ${endpoint.model}, which this endpoint serves`,
        { param: "model_id", code: "incompatible_base_model" },
      );
    }
    if (endpoint.adapters.includes(ref.adapter)) {
      return fail(c, 400, `Adapter ${ref.adapter} is already bound to ${endpoint.name}`, {
        param: "model_id",
        code: "adapter_already_bound",
      });
    }
    endpoint.adapters.push(ref.adapter);
    return c.json({ model_id: modelId } satisfies AdapterAddResponse);
  });

  app.delete("/endpoints/:endpointId/adapters", async (c) => {
    const endpoint = liveEndpoint(state, c.req.param("endpointId"));
    if (!endpoint) return notFound(c, c.req.param("endpointId"));
    const body = await readBody(c, Ref);
    if (!body.ok) return body.response;
    const modelId = body.data.model_id;
    const ref = splitModelId(modelId);
    const at = ref?.endpointName === endpoint.name ? endpoint.adapters.indexOf(ref.adapter) : -1;
    if (at < 0) {
      return fail(c, 404, `Adapter ${modelId} is not bound to ${endpoint.name}`, {
        param: "model_id",
        code: "not_found",
      });
    }
    endpoint.adapters.splice(at, 1);
    return c.json({ deleted: true, model_id: modelId } satisfies AdapterRemoveResponse);
  });

  return app;
}
