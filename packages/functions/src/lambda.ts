import { log } from "@hangar/core/util/log";
import { metric } from "@hangar/core/util/metrics";
import type { Context } from "aws-lambda";

/**
 * Wraps every Lambda handler: the invocation's context (request id, cold start) on its log
 * lines, and its metrics written when it ends, even when it throws. The local stack calls
 * handlers without a context.
 */
export function lambda<E, R>(handler: (event: E, context?: Context) => Promise<R>) {
  return async function invoke(event: E, context?: Context): Promise<R> {
    log.addContext(context);
    try {
      return await handler(event, context);
    } finally {
      metric.flush();
    }
  };
}
