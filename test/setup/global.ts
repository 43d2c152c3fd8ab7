import { randomBytes } from "node:crypto";
import { startStack } from "@hangar/local/stack";
import type { TestProject } from "vitest/node";
import { defaultCapacity } from "../../packages/simulators/src/together/v2/hardware";

/** What test files get from the one stack of a run; see test/support/stack.ts. */
export interface LocalStackContext {
  apiUrl: string;
  apiKey: string;
  tenantId: string;
  togetherUrl?: string;
  fireworksUrl?: string;
  huggingFaceUrl?: string;
  /** The env the handlers run with: DynamoDB, queues, S3, Together. */
  env: Record<string, string>;
}

declare module "vitest" {
  export interface ProvidedContext {
    localStack: LocalStackContext;
  }
}

/** One in-memory stack for the whole run, on free ports, with a table no other run shares. */
export default async function setup(project: TestProject) {
  const stack = await startStack({
    inMemory: true,
    port: 0,
    together: "simulator",
    env: {
      HANGAR_TABLE: `hangar-test-${randomBytes(4).toString("hex")}`,
      HANGAR_DYNAMODB_PORT: "0",
      HANGAR_SQS_PORT: "0",
      HANGAR_SIMULATOR_PORT: "0",
      HANGAR_FIREWORKS_SIMULATOR_PORT: "0",
      HANGAR_HF_SIMULATOR_PORT: "0",
      HANGAR_EVENTBRIDGE_PORT: "0",
      // Tests provoke failures on purpose; their warnings would drown the output. Set it to see them.
      HANGAR_LOG_LEVEL: process.env.HANGAR_LOG_LEVEL ?? "error",
      // Webhook retries after 1, 2, 4… s instead of 30, 60, 120… s, and subscriptions disabled
      // after 18 s of failures instead of 3 days (test/integration/webhooks.test.ts).
      HANGAR_WEBHOOK_RETRY_BASE_SECONDS: "1",
      HANGAR_WEBHOOK_DISABLE_AFTER_HOURS: "0.005",
      // A stop or delete the provider hasn't confirmed is reported after 6 s instead of 10 min
      // (test/integration/confirm.test.ts); the simulators confirm theirs within a second.
      HANGAR_CONFIRM_STOP_MINUTES: "0.1",
    },
  });
  await roomForTheRun(stack.togetherUrl);
  project.provide("localStack", {
    apiUrl: stack.apiUrl,
    apiKey: stack.apiKey,
    tenantId: stack.tenantId,
    togetherUrl: stack.togetherUrl,
    fireworksUrl: stack.fireworksUrl,
    huggingFaceUrl: stack.huggingFaceUrl,
    env: stack.env,
  });
  return () => stack.stop();
}

/**
 * The whole run shares one Together simulator, and files leave deployments running: give v2
 * placement room for all of them, so headroom never runs out by accident (tests of capacity set
 * their own with the same control).
 */
async function roomForTheRun(togetherUrl: string | undefined) {
  if (!togetherUrl) return;
  const control = `${new URL(togetherUrl).origin}/_sim/capacity`;
  for (const [accelerator, regions] of Object.entries(defaultCapacity())) {
    for (const region of Object.keys(regions)) {
      const res = await fetch(control, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ accelerator, region, gpus: 1000 }),
      });
      if (!res.ok)
        throw new Error(`the Together simulator refused capacity for ${accelerator}: ${res.status}`);
    }
  }
}
