import { z } from "zod";
import { VisibleError } from "../error";
import type { ChatRequest } from "../provider";
import { useProvider } from "../provider/registry";
import { fn } from "../util/fn";
import { mine } from "./query";
import { touch } from "./request";
import type { Row } from "./row";

function ready(row: Row): asserts row is Row & { endpointName: string } {
  if (row.state !== "ready" || !row.endpointName) {
    throw new VisibleError(
      "conflict",
      "deployment.not_ready",
      `The deployment is ${row.state}; it takes traffic only when ready.`,
      { state: row.state },
    );
  }
}

export const SmokeTestInput = z.object({
  prompt: z.string().min(1).max(4000).default("Reply with one short sentence to confirm you are working."),
  maxTokens: z.number().int().min(1).max(1024).default(32),
});

const Completion = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullable().optional() }).optional() }))
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() })
    .nullable()
    .optional(),
});

/** One chat call to the endpoint, timed. It is not traffic: it never keeps a deployment awake. */
export const smokeTest = fn(SmokeTestInput, async (input, id: string) => {
  const row = await mine(id);
  ready(row);
  const started = performance.now();
  const response = await useProvider(row.provider).chat({
    endpointName: row.endpointName,
    body: { messages: [{ role: "user", content: input.prompt }], max_tokens: input.maxTokens, stream: false },
  });
  const text = await response.text();
  const latencyMs = Math.round(performance.now() - started);
  if (!response.ok) {
    throw new VisibleError(
      "unavailable",
      "deployment.test_failed",
      `${row.provider} answered ${response.status}: ${text.slice(0, 500)}`,
      { status: response.status },
    );
  }
  const parsed = Completion.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new VisibleError(
      "unavailable",
      "deployment.test_failed",
      `${row.provider} sent a completion Hangar can't read.`,
    );
  }
  const usage = parsed.data.usage;
  return {
    output: parsed.data.choices[0]?.message?.content ?? "",
    latencyMs,
    usage: usage
      ? {
          promptTokens: usage.prompt_tokens,
          completionTokens: usage.completion_tokens,
          totalTokens: usage.total_tokens,
        }
      : null,
    model: row.endpointName,
  };
});

/** OpenAI-compatible proxying: the provider's response (streamed or not) passes through as is. */
export async function chat(id: string, body: ChatRequest, signal?: AbortSignal): Promise<Response> {
  const row = await mine(id);
  ready(row);
  await touch(row);
  return useProvider(row.provider).chat({
    endpointName: row.endpointName,
    body: { ...body, model: row.endpointName },
    signal,
  });
}
