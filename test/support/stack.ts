import { inject } from "vitest";
import type { LocalStackContext } from "../setup/global";

/**
 * The run's local stack (started by test/setup/global.ts). Importing this sets process.env
 * as the handlers see it, so a test file can call core directly against the same DynamoDB
 * and queues; do it before core builds its clients.
 */
function connect(): LocalStackContext {
  const stack = inject("localStack");
  Object.assign(process.env, stack.env);
  return stack;
}

export const stack = connect();
