import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import * as z from "zod";
import { advanceDeployedModel, byName, deployedModelView, type SimDeployedModel } from "../deployments";
import { notFound, rpcError } from "../errors";
import { paginate, readBody } from "../http";
import { advanceModel } from "../models";
import type { SimState } from "../state";

const Load = z.looseObject({
  model: z.string().min(1),
  deployment: z.string().min(1),
  displayName: z.string().optional(),
});

/** LoRA loads: the deployment must take addons, the adapter must be READY and trained on the deployment's base model. */
export function deployedModelRoutes(state: SimState) {
  const app = new Hono();
  const view = (m: SimDeployedModel) => deployedModelView(advanceDeployedModel(state, m));

  app.post("/deployedModels", async (c) => {
    const body = await readBody(c, Load);
    if (!body.ok) return body.response;
    const { model: modelName, deployment: deploymentName, displayName } = body.data;
    const deployment = byName(state, deploymentName);
    if (!deployment || deployment.state === "DELETED") return notFound(c, "deployment", deploymentName);
    const prefix = `accounts/${state.account}/models/`;
    const lora = modelName.startsWith(prefix) ? state.models.get(modelName.slice(prefix.length)) : undefined;
    if (!lora) return notFound(c, "model", modelName);
    advanceModel(state, lora);
    if (!deployment.enableAddons)
      return rpcError(
        c,
        "FAILED_PRECONDITION",
        `FAILED_PRECONDITION: deployment ${deploymentName} does not have addons enabled`,
      );
    if (lora.kind !== "HF_PEFT_ADDON" || lora.state !== "READY")
      return rpcError(
        c,
        "FAILED_PRECONDITION",
        `FAILED_PRECONDITION: model ${modelName} is not a READY LoRA addon`,
      );
    if (lora.peftDetails?.baseModel !== deployment.baseModel) {
      const message = `LoRA validation failed: adapter base model ${lora.peftDetails?.baseModel} does not match deployment base model ${deployment.baseModel}`;
      return rpcError(c, "INVALID_ARGUMENT", message);
    }
    const existing = [...state.deployedModels.values()];
    if (existing.some((m) => m.model === modelName && m.deployment === deploymentName))
      return rpcError(c, "ALREADY_EXISTS", `model ${modelName} is already deployed to ${deploymentName}`);
    const id = `${lora.id}-${randomBytes(3).toString("hex")}`.slice(-63).replace(/^[^a-z]+/, "");
    const now = state.now();
    const loaded: SimDeployedModel = {
      id,
      name: `accounts/${state.account}/deployedModels/${id}`,
      displayName,
      model: modelName,
      deployment: deploymentName,
      default: !existing.some((m) => m.model === modelName),
      state: "DEPLOYING",
      deployedAt: now + state.step("loraDeployMs"),
      createTime: now,
    };
    state.deployedModels.set(id, loaded);
    return c.json(view(loaded));
  });

  app.get("/deployedModels", (c) => {
    const all = [...state.deployedModels.values()].sort((a, b) => a.name.localeCompare(b.name)).map(view);
    return c.json(paginate(c, all, "deployedModels", state.maxPageSize));
  });

  app.get("/deployedModels/:id", (c) => {
    const m = state.deployedModels.get(c.req.param("id"));
    return m ? c.json(view(m)) : notFound(c, "deployed model", c.req.param("id"));
  });

  app.delete("/deployedModels/:id", (c) => {
    if (!state.deployedModels.delete(c.req.param("id")))
      return notFound(c, "deployed model", c.req.param("id"));
    return c.json({});
  });

  return app;
}
