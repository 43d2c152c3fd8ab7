import { createInterface } from "node:readline/promises";
import { unwrap } from "@hangar/sdk";
import type { Command } from "commander";
import OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { type Context, withContext } from "../context";
import { colours, printJson } from "../output";

/** Hangar's one OpenAI base URL: `model` is the deployment's name or id. */
const openai = (ctx: Context) =>
  new OpenAI({ baseURL: `${ctx.url.replace(/\/+$/, "")}/openai/v1`, apiKey: ctx.apiKey, maxRetries: 0 });

/** Streams one answer to stdout; returns the timing and the usage the provider reported. */
async function stream(
  ctx: Context,
  model: string,
  messages: ChatCompletionMessageParam[],
  maxTokens?: number,
) {
  const started = performance.now();
  let firstToken: number | undefined;
  let text = "";
  let usage: OpenAI.CompletionUsage | undefined;
  const chunks = await openai(ctx).chat.completions.create({
    model,
    messages,
    stream: true,
    stream_options: { include_usage: true },
    ...(maxTokens ? { max_tokens: maxTokens } : {}),
  });
  for await (const chunk of chunks) {
    const delta = chunk.choices[0]?.delta?.content ?? "";
    if (delta) {
      firstToken ??= performance.now();
      text += delta;
      process.stdout.write(delta);
    }
    if (chunk.usage) usage = chunk.usage;
  }
  process.stdout.write("\n");
  const total = performance.now() - started;
  return {
    text,
    usage,
    totalMs: Math.round(total),
    firstTokenMs: firstToken ? Math.round(firstToken - started) : undefined,
  };
}

export function trafficCommands(program: Command) {
  program
    .command("test")
    .argument("<deployment>", "name or id")
    .argument("[prompt]", "what to ask", "Reply with one short sentence to confirm you are working.")
    .option("--max-tokens <n>", "longest answer", "256")
    .description(
      "ask one question, stream the answer, then show latency and tokens (traffic: it counts as activity; --json uses the smoke test, which does not)",
    )
    .action(
      withContext(async (ctx, ref: string, prompt: string, flags: { maxTokens: string }) => {
        if (ctx.json) {
          // The API's smoke test: one timed completion that doesn't count as activity.
          const result = await ctx.hangar.api.POST("/v1/deployments/{id}/test", {
            params: { path: { id: ref } },
            body: { prompt, maxTokens: Math.min(1024, Number(flags.maxTokens)) },
          });
          return printJson(unwrap(result));
        }
        const c = colours(false);
        const r = await stream(ctx, ref, [{ role: "user", content: prompt }], Number(flags.maxTokens));
        const tokens = r.usage
          ? `${r.usage.prompt_tokens} prompt + ${r.usage.completion_tokens} completion tokens`
          : "no token counts from the provider";
        const ttft = r.firstTokenMs === undefined ? "" : `first token ${r.firstTokenMs} ms, `;
        process.stderr.write(c.dim(`${ttft}total ${r.totalMs} ms, ${tokens}\n`));
      }),
    );

  program
    .command("chat")
    .argument("<deployment>", "name or id")
    .option("--system <text>", "a system prompt")
    .description("talk to a deployment, streaming; an empty line or Ctrl-D ends")
    .action(
      withContext(async (ctx, ref: string, flags: { system?: string }) => {
        const c = colours(ctx.json);
        const messages: ChatCompletionMessageParam[] = flags.system
          ? [{ role: "system", content: flags.system }]
          : [];
        const rl = createInterface({
          input: process.stdin,
          output: process.stdout,
          terminal: process.stdin.isTTY,
        });
        // Lines are read as an async stream, so lines piped in while an answer streams wait their turn.
        rl.setPrompt(c.bold("you> "));
        rl.prompt();
        try {
          for await (const line of rl) {
            if (!line.trim()) break;
            messages.push({ role: "user", content: line });
            process.stdout.write(c.bold(`${ref}> `));
            const r = await stream(ctx, ref, messages);
            messages.push({ role: "assistant", content: r.text });
            rl.prompt();
          }
        } finally {
          rl.close();
        }
      }),
    );
}
