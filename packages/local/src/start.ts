import { DEFAULT_HUB_TOKEN } from "@hangar/simulators/huggingface/index";
import type { Stack } from "./stack";
import { quietSqliteWarning } from "./warnings";

const dim = (text: string) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[0m` : text);
const progress = (line: string) => process.stderr.write(`${dim(`· ${line}`)}\n`);

function banner(stack: Stack): string {
  const together = stack.togetherUrl
    ? `${stack.togetherUrl} (simulator; set TOGETHER_API_KEY to use the real Together)`
    : `${stack.endpoints.together} (real Together, TOGETHER_API_KEY)`;
  const fireworks = stack.fireworksUrl
    ? `${stack.fireworksUrl} (simulator; set FIREWORKS_API_KEY and FIREWORKS_ACCOUNT_ID for the real one)`
    : `${stack.endpoints.fireworks} (real Fireworks)`;
  const hub = stack.huggingFaceUrl
    ? `${stack.huggingFaceUrl} (simulator: Qwen/Qwen2.5-0.5B-Instruct and the other repos at ${stack.huggingFaceUrl}/api/models, token ${DEFAULT_HUB_TOKEN} for gated ones; HF_ENDPOINT=https://huggingface.co for the real Hub)`
    : `${stack.endpoints.huggingface} (HF_ENDPOINT)`;
  return [
    "",
    "Hangar is running locally.",
    "",
    `  API        ${stack.apiUrl}`,
    `  Docs       ${stack.apiUrl}/docs`,
    `  Console    ${stack.apiUrl}/console`,
    `  DynamoDB   ${stack.endpoints.dynamodb} (table ${stack.env.HANGAR_TABLE})`,
    `  SQS, S3    ${stack.endpoints.sqs}`,
    `  Events     ${stack.endpoints.eventbridge} (EventBridge stand-in, bus ${stack.env.HANGAR_EVENT_BUS_NAME || "none"}; GET /_events)`,
    `  Together   ${together}`,
    `  Fireworks  ${fireworks}`,
    `  HF Hub     ${hub}`,
    "",
    `  API key    ${stack.apiKey}`,
    `  Tenant     ${stack.tenantId}`,
    "",
    "Try:",
    `  curl -s "${stack.apiUrl}/v1/hardware?provider=together" -H "Authorization: Bearer ${stack.apiKey}"`,
    "",
    "Ctrl-C stops everything.",
    "",
  ].join("\n");
}

async function main() {
  // fauxqs persists with node:sqlite (Node 22.5+); a global older node fails on import, unhelpfully.
  if (Number(process.versions.node.split(".")[0]) < 22) {
    process.stderr.write(
      `Hangar needs Node 22; this is ${process.version}. Run it with \`npm start\`, which uses the pinned Node.\n`,
    );
    process.exit(1);
  }
  quietSqliteWarning();
  let stack: Stack;
  try {
    const { startStack } = await import("./stack");
    stack = await startStack({ log: progress });
  } catch (error) {
    process.stderr.write(`\nHangar could not start:\n${(error as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(banner(stack));

  let stoppingSince = 0;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stoppingSince) {
      // Ctrl-C reaches us twice at once (from the terminal and relayed by tsx); only a later one forces.
      if (Date.now() - stoppingSince < 1000) return;
      process.stderr.write(`${signal} again: exiting without waiting.\n`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    progress(`${signal}: stopping…`);
    await stack.stop();
    progress("stopped");
    process.exit(0);
  };
  process.on("SIGINT", (signal) => void shutdown(signal));
  process.on("SIGTERM", (signal) => void shutdown(signal));
}

void main();
