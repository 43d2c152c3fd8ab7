import * as z from "zod";
import { VisibleError } from "../error";
import type { ChatRequest } from "../provider";
import { useProvider } from "../provider/lookup";
import { fn } from "../util/fn";
import { mine } from "./query";
import type { Row } from "./row";
import { touch } from "./touch";
import { untilServing, wake } from "./wake";
import { load } from "./write";

/**
 * Traffic goes through while ready, and while updating: a scale or hardware change keeps the
 * current endpoint serving until its replacement takes over (on Together v2 under the same name).
 */
function ready(row: Row): asserts row is Row & { endpointName: string } {
  if ((row.state !== "ready" && row.state !== "updating") || !row.endpointName) {
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
  const response = await (await useProvider(row.provider)).chat({
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

/**
 * OpenAI-compatible proxying: a successful response (streamed or not) passes through as is; a
 * failed one becomes Hangar's error, with what the provider said under `details`. An adapter
 * answers only while its base serves. A deployment with wakeOnRequest is woken by the request
 * (wake.ts), which is held up to `waitSeconds` (`Prefer: wait`) until it serves.
 */
export async function chat(
  id: string,
  body: ChatRequest,
  signal?: AbortSignal,
  options: { waitSeconds?: number } = {},
): Promise<Response> {
  const waitSeconds = options.waitSeconds ?? 0;
  let row = await mine(id);
  if (row.wakeOnRequest && row.state !== "ready") row = await wake(row, waitSeconds, signal);
  ready(row);
  if (row.model.baseDeploymentId) {
    const base = await load(row.model.baseDeploymentId);
    if (base?.state !== "ready" && base?.state !== "updating") {
      throw new VisibleError(
        "conflict",
        "deployment.not_ready",
        `The adapter's base deployment ${row.model.baseDeploymentId} is ${base?.state ?? "gone"}; it takes traffic only when its base is ready.`,
        { state: row.state, baseState: base?.state ?? null },
      );
    }
  }
  await touch(row, new Date(), "proxy");
  const send = async (endpointName: string) =>
    (await useProvider(row.provider)).chat({ endpointName, body: { ...body, model: endpointName }, signal });
  const call = () => send(row.endpointName);
  const response = row.wakeOnRequest ? await untilServing(call, waitSeconds, signal) : await call();
  if (response.ok) return response;
  const moved = gone.includes(response.status) ? await movedFrom(row) : undefined;
  if (!moved) throw await upstreamError(row, response);
  // The endpoint was replaced (a migration, a hardware change) after this request read the row.
  await response.body?.cancel().catch(() => undefined);
  const retried = await send(moved.endpointName);
  if (retried.ok) return retried;
  throw await upstreamError(moved, retried);
}

/** What providers answer for an endpoint that is gone or not serving (Together v2: 400 `endpoint_not_ready`). */
const gone = [400, 404, 409, 410, 503];

async function movedFrom(row: Row & { endpointName: string }) {
  const fresh = await load(row.id);
  const serving = fresh?.state === "ready" || fresh?.state === "updating";
  if (!serving || !fresh.endpointName || fresh.endpointName === row.endpointName) return undefined;
  return fresh as Row & { endpointName: string };
}

/** The provider's failure, in Hangar's shape: its status and body nested, never passed through. */
async function upstreamError(row: Row, response: Response) {
  const text = await response.text().catch(() => "");
  let said: unknown = text.slice(0, 2000);
  try {
    said = JSON.parse(text);
  } catch {}
  const details = { state: row.state, provider: row.provider, status: response.status, body: said };
  if (response.status === 400 || response.status === 422) {
    return new VisibleError(
      "input",
      "chat.rejected",
      `${row.provider} refused the request (${response.status}); see details.body.`,
      details,
    );
  }
  if (response.status === 404 || response.status === 409) {
    return new VisibleError(
      "conflict",
      "deployment.not_ready",
      `${row.provider} says the endpoint is not serving (${response.status}); Hangar will notice on its next check.`,
      details,
    );
  }
  return new VisibleError(
    "unavailable",
    "provider.unavailable",
    `${row.provider} answered ${response.status}; retry shortly.`,
    details,
  );
}
