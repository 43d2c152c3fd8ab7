import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import * as z from "zod";
import { reply } from "../../together/routes/chat";
import { advanceDeployedModel, byName, type SimDeployment, scaleTo } from "../deployments";
import { inferenceError } from "../errors";
import { recordServed } from "../metrics";
import type { SimState } from "../state";

const Chat = z.looseObject({
  model: z.string().min(1),
  messages: z.array(z.looseObject({ role: z.string(), content: z.unknown() })).min(1),
  max_tokens: z.number().int().min(1).optional(),
  stream: z.boolean().optional(),
});

/**
 * §6.2 addressing: `accounts/a/deployments/d`, `<model>#accounts/a/deployments/d` (the base
 * model or a LoRA DEPLOYED there), or a model alone, routed to its default deployment.
 */
function resolve(state: SimState, model: string): SimDeployment | undefined {
  const [name, suffix] = model.split("#", 2);
  const direct = byName(state, suffix ?? name!);
  const loras = [...state.deployedModels.values()].map((m) => advanceDeployedModel(state, m));
  const loaded = (d: SimDeployment) =>
    loras.some((m) => m.model === name && m.deployment === d.name && m.state === "DEPLOYED");
  if (direct) return suffix === undefined || direct.baseModel === name || loaded(direct) ? direct : undefined;
  const viaLora = loras.find((m) => m.model === name && m.default && m.state === "DEPLOYED");
  if (viaLora) return byName(state, viaLora.deployment);
  return [...state.deployments.values()].find(
    (d) => d.baseModel === name && byName(state, d.name)?.state === "READY",
  );
}

const notFound = "Model not found, inaccessible, and/or not deployed";

export function inferenceRoutes(state: SimState) {
  const app = new Hono();

  app.post("/chat/completions", async (c) => {
    const parsed = Chat.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return inferenceError(c, 400, `Invalid request: ${parsed.error.issues[0]?.message}`);
    const { model, messages, max_tokens: maxTokens, stream } = parsed.data;
    const d = resolve(state, model);
    if (!d || ["DELETING", "DELETED", "FAILED"].includes(d.state))
      return inferenceError(c, 404, notFound, { code: "NOT_FOUND" });
    d.lastActivity = state.now();
    if (d.maxReplicaCount === 0) {
      const message = `Deployment ${d.name} is scaled down with max_replica_count 0 and does not serve requests until it is scaled up.`;
      return inferenceError(c, 400, message, { code: "DEPLOYMENT_SCALED_DOWN" });
    }
    if (d.replicaCount === 0) {
      if (!d.rollout) scaleTo(state, d, Math.max(d.minReplicaCount, 1));
      recordServed(state, {
        deploymentId: d.id,
        promptTokens: 0,
        completionTokens: 0,
        latencyMs: 0,
        error: true,
      });
      const message =
        "Deployment is currently scaled to zero and is scaling up. Please retry your request in a few minutes.";
      return inferenceError(c, 503, message, { code: "DEPLOYMENT_SCALING_UP", type: "error" });
    }
    const answer = reply(model.split("#")[0]!, messages, maxTokens);
    recordServed(state, {
      deploymentId: d.id,
      promptTokens: answer.usage.prompt_tokens,
      completionTokens: answer.usage.completion_tokens,
      // A plausible, deterministic latency: a base plus a few ms per generated token.
      latencyMs: 40 + 8 * answer.usage.completion_tokens,
      error: false,
    });
    const id = randomUUID();
    const created = Math.floor(state.now() / 1000);
    if (!stream) {
      return c.json({
        id,
        object: "chat.completion",
        created,
        model,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: answer.tokens.join(" ") },
            finish_reason: answer.finish,
          },
        ],
        usage: answer.usage,
      });
    }
    const chunk = (delta: object, finish: string | null, usage?: object) =>
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) })}\n\n`;
    const events = [
      chunk({ role: "assistant" }, null),
      ...answer.tokens.map((word, i) => chunk({ content: i === 0 ? word : ` ${word}` }, null)),
      chunk({}, answer.finish, answer.usage),
      "data: [DONE]\n\n",
    ];
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const event of events) controller.enqueue(encoder.encode(event));
        controller.close();
      },
    });
    return c.body(body, 200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  });

  return app;
}
