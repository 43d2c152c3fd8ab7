import { AsyncLocalStorage } from "node:async_hooks";
import { Logger } from "@aws-lambda-powertools/logger";

/** Keys that look like secrets are redacted here, once, so a careless call site cannot leak one. */
const SECRET = /(authorization|api[_-]?key|secret|token|password|signature)/i;
const LEVELS = ["trace", "debug", "info", "warn", "error", "critical", "silent"];

let logger: Logger | undefined;

/**
 * Powertools' logger, built on first use so that HANGAR_LOG_LEVEL set after import (the local
 * stack sets its env before it runs the handlers) still counts. HANGAR_LOG_LEVEL wins over
 * Powertools' own POWERTOOLS_LOG_LEVEL and LOG_LEVEL, which apply when it is unset.
 */
function instance(): Logger {
  if (!logger) {
    const level = process.env.HANGAR_LOG_LEVEL?.toLowerCase();
    logger = new Logger({
      serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "hangar",
      logLevel: level && LEVELS.includes(level) ? (level.toUpperCase() as "INFO") : undefined,
      jsonReplacerFn: (key, value) => (SECRET.test(key) ? "[redacted]" : value),
    });
  }
  return logger;
}

/**
 * Keys for the lines logged while one record or request is handled (deployment id, tenant).
 * Powertools' appendKeys is shared by everything running in the invocation, and a batch handles
 * its records at once, so these ride in async context instead.
 */
const scope = new AsyncLocalStorage<Record<string, unknown>>();

type Fields = Record<string, unknown>;

/** Powertools drops these keys from the extra fields (they name its own); they get a leading `_`. */
const RESERVED = new Set(["level", "message", "sampling_rate", "service", "timestamp"]);

function extra(fields: Fields | undefined): Fields {
  const all = { ...scope.getStore(), ...fields };
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [RESERVED.has(k) ? `_${k}` : k, v]));
}

export const log = {
  debug: (msg: string, fields?: Fields) => instance().debug(msg, extra(fields)),
  info: (msg: string, fields?: Fields) => instance().info(msg, extra(fields)),
  warn: (msg: string, fields?: Fields) => instance().warn(msg, extra(fields)),
  error: (msg: string, fields?: Fields) => instance().error(msg, extra(fields)),
  /** Runs `fn` with `fields` on every line it logs. */
  withKeys: <R>(fields: Fields, fn: () => R): R => scope.run({ ...scope.getStore(), ...fields }, fn),
  /** Adds keys to the current `withKeys` scope, once they are known (the tenant, after a read). */
  appendKeys: (fields: Fields) => {
    const store = scope.getStore();
    if (store) Object.assign(store, fields);
  },
  /** The Lambda context (function name, request id, cold start) on every line of the invocation. */
  addContext: (context: Parameters<Logger["addContext"]>[0] | undefined) => {
    if (context) instance().addContext(context);
  },
};
