import { randomBytes } from "node:crypto";
import { startStack } from "@hangar/local/stack";
import type { TestProject } from "vitest/node";

/** What test files get from the one stack of a run; see test/support/stack.ts. */
export interface LocalStackContext {
  apiUrl: string;
  apiKey: string;
  tenantId: string;
  togetherUrl?: string;
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
      HANGAR_LOG_LEVEL: process.env.HANGAR_LOG_LEVEL ?? "warn",
    },
  });
  project.provide("localStack", {
    apiUrl: stack.apiUrl,
    apiKey: stack.apiKey,
    tenantId: stack.tenantId,
    togetherUrl: stack.togetherUrl,
    env: stack.env,
  });
  return () => stack.stop();
}
