import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import type { ChatCompletion, ChatCompletionChunk } from "together-ai/resources/chat/completions";
import * as z from "zod";
import { splitModelId } from "../adapters";
import { catalogModel } from "../catalog";
import { servingEndpoint } from "../endpoints";
import { errorBody, fail, notRunning } from "../errors";
import { readBody } from "../http";
import type { SimState } from "../state";
import { record } from "../v2/analytics";
import { fullName } from "../v2/deployments";
import { routeV2 } from "../v2/inference";

const Chat = z.looseObject({
  model: z.string().min(1),
  messages: z.array(z.looseObject({ role: z.string(), content: z.unknown() })).min(1),
  max_tokens: z.number().int().min(1).optional(),
  stream: z.boolean().optional(),
});
type Message = z.infer<typeof Chat>["messages"][number];

const ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const pick = (n: number) => Array.from(randomBytes(n), (b) => ALPHA[b % ALPHA.length]).join("");

/** Together's inference ids look like `okkMWqL-2kFHot-a023f60e9b77ff7e`. */
export function inferenceId(): string {
  return `${pick(7)}-${pick(6)}-${randomBytes(8).toString("hex")}`;
}

function text(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((part) => (part as { text?: string })?.text ?? "").join(" ");
  return "";
}

const words = (value: string) => value.split(/\s+/).filter(Boolean);

/** A deterministic answer; "tokens" are whitespace-separated words, plus a few per message for the template. */
export function reply(model: string, messages: Message[], maxTokens?: number) {
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const full = words(`Simulated answer from ${model}. You said: ${text(lastUser?.content)}`);
  const tokens = maxTokens === undefined ? full : full.slice(0, maxTokens);
  const prompt = messages.reduce((sum, m) => sum + words(text(m.content)).length + 4, 0);
  return {
    tokens,
    finish: tokens.length < full.length ? ("length" as const) : ("stop" as const),
    usage: { prompt_tokens: prompt, completion_tokens: tokens.length, total_tokens: prompt + tokens.length },
  };
}

const unavailable = (model: string) =>
  `Unable to access model ${model}. Please visit https://api.together.ai/models to view the list of supported models.`;

const tokenId = (word: string) => [...word].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 150_000, 7);

export function chatRoutes(state: SimState) {
  const app = new Hono();

  app.post("/chat/completions", async (c) => {
    const body = await readBody(c, Chat);
    if (!body.ok) return body.response;
    const { model, messages, max_tokens: maxTokens, stream } = body.data;
    const id = inferenceId();
    const ref = splitModelId(model);
    const endpoint = servingEndpoint(state, ref?.endpointName ?? model);
    const v2 = endpoint ? undefined : routeV2(state, model);
    const tokensIn = reply(model, messages, 0).usage.prompt_tokens;
    const failed = (status: number) => {
      if (v2)
        record(state, {
          api: "v2",
          endpointId: v2.endpoint.id,
          status,
          inputTokens: tokensIn,
          outputTokens: 0,
        });
      if (endpoint)
        record(state, { api: "v1", endpointId: endpoint.id, status, inputTokens: tokensIn, outputTokens: 0 });
    };
    if (v2 && !v2.ok) {
      failed(v2.status);
      return c.json({ id, ...errorBody(v2.message, { code: v2.code }) }, v2.status);
    }
    const adapter = ref && endpoint?.adapters.includes(ref.adapter) ? ref.adapter : undefined;
    if (ref && !adapter && !v2) return fail(c, 404, unavailable(model), { code: "model_not_available" });
    if (endpoint && endpoint.state !== "STARTED") {
      failed(400);
      return c.json({ id, ...errorBody(notRunning(model), { code: "dedicated_endpoint_not_running" }) }, 400);
    }
    if (!endpoint && !v2) {
      const known = catalogModel(model);
      if (!known) {
        return fail(c, 404, unavailable(model), { code: "model_not_available" });
      }
      if (!known.serverless) {
        const message = `Unable to access non-serverless model ${model}. Please visit https://api.together.ai/models/${model} to create and start a new dedicated endpoint for the model.`;
        return c.json({ id, ...errorBody(message, { code: "model_not_available" }) }, 400);
      }
    }
    if (endpoint) endpoint.lastActivity = state.now();
    const served = v2 ? v2.served : adapter ? model : (endpoint?.name ?? model);
    const base = v2 ? fullName(state, v2.deployment) : endpoint?.model;
    const lora = v2?.adapter ?? adapter;
    const answerer = lora ? `${base} with the LoRA adapter ${lora}` : (base ?? model);
    if (v2?.deployment.region) c.header("x-cluster", v2.deployment.region);
    const answer = reply(answerer, messages, maxTokens);
    const counted = {
      status: 200,
      inputTokens: answer.usage.prompt_tokens,
      outputTokens: answer.usage.completion_tokens,
    };
    if (v2)
      record(state, { api: "v2", endpointId: v2.endpoint.id, deploymentId: v2.deployment.id, ...counted });
    if (endpoint) record(state, { api: "v1", endpointId: endpoint.id, ...counted });
    const created = Math.floor(state.now() / 1000);
    const seed = 1_234_567_890;

    if (!stream) {
      const completion: ChatCompletion = {
        id,
        object: "chat.completion",
        created,
        model: served,
        prompt: [],
        choices: [
          {
            index: 0,
            seed,
            finish_reason: answer.finish,
            logprobs: null,
            message: { role: "assistant", content: answer.tokens.join(" ") },
          },
        ],
        usage: answer.usage,
      };
      return c.json(completion);
    }

    const encoder = new TextEncoder();
    const events = answer.tokens.map((word, index): ChatCompletionChunk => {
      const last = index === answer.tokens.length - 1;
      return {
        id,
        object: "chat.completion.chunk",
        created,
        model: served,
        choices: [
          {
            index: 0,
            delta: { role: "assistant", content: index === 0 ? word : ` ${word}`, token_id: tokenId(word) },
            finish_reason: last ? answer.finish : null,
            logprobs: null,
            seed: last ? seed : null,
          },
        ],
        usage: last ? answer.usage : null,
      };
    });
    const body$ = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const event of events) controller.enqueue(encoder.encode(`data: ${JSON.stringify(event)}\n\n`));
        controller.enqueue(encoder.encode("data: [DONE]\n\n"));
        controller.close();
      },
    });
    return c.body(body$, 200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  });

  return app;
}
