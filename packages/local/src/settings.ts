import { resolve } from "node:path";

type Env = Record<string, string | undefined>;

export interface StackSettings {
  inMemory: boolean;
  dataDir: string;
  table: string;
  region: string;
  ports: {
    api: number;
    dynamo: number;
    sqs: number;
    simulator: number;
    fireworks: number;
    huggingface: number;
    eventbridge: number;
  };
  /** Invocations per queue that may run at once. */
  concurrency: number;
  /** Divides schedule rates, for tests that can't wait a minute. */
  scheduleSpeedUp: number;
  simulatorTimeScale?: number;
  /** The API server's limits on a slow client (headers, then the whole request). */
  httpTimeouts: { headersMs: number; requestMs: number };
}

/**
 * Fixed default ports, so a second `npm start` finds the same data again; `0` picks a free one.
 * Each is overridable by its variable, named in the error when the port is taken.
 */
export const PORTS = {
  api: { env: "HANGAR_PORT", fallback: 8787 },
  dynamo: { env: "HANGAR_DYNAMODB_PORT", fallback: 8788 },
  sqs: { env: "HANGAR_SQS_PORT", fallback: 8789 },
  simulator: { env: "HANGAR_SIMULATOR_PORT", fallback: 8790 },
  fireworks: { env: "HANGAR_FIREWORKS_SIMULATOR_PORT", fallback: 8791 },
  huggingface: { env: "HANGAR_HF_SIMULATOR_PORT", fallback: 8792 },
  eventbridge: { env: "HANGAR_EVENTBRIDGE_PORT", fallback: 8793 },
} as const;

function number(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

export function resolveSettings(
  options: { dataDir?: string; port?: number; inMemory?: boolean },
  env: Env,
): StackSettings {
  const port = (name: keyof typeof PORTS) => number(env, PORTS[name].env, PORTS[name].fallback);
  return {
    inMemory: options.inMemory ?? false,
    dataDir: resolve(options.dataDir ?? env.HANGAR_DATA_DIR ?? ".data"),
    table: env.HANGAR_TABLE ?? "hangar",
    region: env.AWS_REGION ?? "us-east-1",
    ports: {
      api: options.port ?? port("api"),
      dynamo: port("dynamo"),
      sqs: port("sqs"),
      simulator: port("simulator"),
      fireworks: port("fireworks"),
      huggingface: port("huggingface"),
      eventbridge: port("eventbridge"),
    },
    concurrency: Math.max(1, number(env, "HANGAR_LOCAL_CONCURRENCY", 2)),
    scheduleSpeedUp: number(env, "HANGAR_SCHEDULE_SPEEDUP", 1) || 1,
    httpTimeouts: {
      headersMs: number(env, "HANGAR_HTTP_HEADERS_TIMEOUT_SECONDS", 30) * 1000,
      requestMs: number(env, "HANGAR_HTTP_REQUEST_TIMEOUT_SECONDS", 120) * 1000,
    },
    simulatorTimeScale: env.HANGAR_SIMULATOR_TIME_SCALE
      ? number(env, "HANGAR_SIMULATOR_TIME_SCALE", 1)
      : undefined,
  };
}
