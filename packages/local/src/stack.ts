import { join } from "node:path";
import { SQSClient } from "@aws-sdk/client-sqs";
import { crons } from "@hangar/core/cron/index";
import { queues } from "@hangar/core/queue/settings";
import { startApi } from "./api";
import { LOCAL_TENANT, localApiKey } from "./api-key";
import { startQueueConsumer } from "./consumer";
import { type DynamoOptions, startDynamo } from "./dynamo";
import { startEventBridge } from "./eventbridge";
import { loadHandlers } from "./handlers";
import { assertPortFree, freePort } from "./ports";
import { startScheduler } from "./scheduler";
import { PORTS, resolveSettings } from "./settings";
import { startSqs } from "./sqs";
import { startFireworks, startHuggingFace, startTogether, type TogetherOption } from "./stand-ins";

export interface StackOptions {
  /** Where DynamoDB, queues and the local API key persist; HANGAR_DATA_DIR or `.data`. */
  dataDir?: string;
  /** API port; HANGAR_PORT or 8787; 0 picks a free one. */
  port?: number;
  /** Nothing persists (tests). */
  inMemory?: boolean;
  /** Defaults to real Together when TOGETHER_API_KEY is set, otherwise the simulator. */
  together?: TogetherOption;
  /** Read like process.env (and over it), and set in process.env for the handlers. */
  env?: Record<string, string>;
  /** Progress lines; silent when unset. */
  log?: (line: string) => void;
}

export interface Stack {
  apiUrl: string;
  apiKey: string;
  tenantId: string;
  /** What the stack set in process.env: enough for another process to reach the same stack. */
  env: Record<string, string>;
  /** The Together simulator's base URL (ends in /v1), when it runs. */
  togetherUrl?: string;
  /** The Fireworks simulator's control-plane URL, when it runs. */
  fireworksUrl?: string;
  /** The Hugging Face Hub simulator's URL, when it runs. */
  huggingFaceUrl?: string;
  endpoints: {
    dynamodb: string;
    sqs: string;
    /** The EventBridge stand-in: PutEvents, and GET /_events for what it received. */
    eventbridge: string;
    together: string;
    fireworks: string;
    huggingface: string;
  };
  stop(): Promise<void>;
}

/** Runs Hangar's handlers on DynamoDB Local, fauxqs and (unless a key is given) the Together simulator. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const source = { ...process.env, ...options.env };
  const settings = resolveSettings(options, source);
  const say = options.log ?? (() => {});
  const started: Array<{ name: string; stop: () => Promise<void> }> = [];
  const stop = async () => {
    // Reverse start order: the API and schedules stop first, the stores they write to last.
    for (const piece of started.splice(0).reverse()) {
      await piece
        .stop()
        .catch((error: unknown) => say(`stopping ${piece.name} failed: ${(error as Error).message}`));
    }
  };

  try {
    const simulated = {
      simulator: options.together === "simulator" || (!options.together && !source.TOGETHER_API_KEY),
      fireworks: !(source.FIREWORKS_API_KEY && source.FIREWORKS_ACCOUNT_ID),
      huggingface: !source.HF_ENDPOINT,
    };
    for (const name of Object.keys(PORTS) as Array<keyof typeof PORTS>) {
      if (name in simulated && !simulated[name as keyof typeof simulated]) continue;
      const port = settings.ports[name];
      if (port !== 0) await assertPortFree(port, name, PORTS[name].env);
    }

    const dynamo = await startDynamoOn(settings.ports.dynamo, {
      table: settings.table,
      region: settings.region,
      dbPath: settings.inMemory ? undefined : join(settings.dataDir, "dynamodb"),
      onExit: (detail) => say(`DynamoDB Local exited unexpectedly (${detail})`),
    });
    started.push({ name: "DynamoDB Local", stop: dynamo.stop });
    say(`DynamoDB Local on ${dynamo.endpoint}, table ${settings.table}`);

    const sqs = await startSqs({
      port: settings.ports.sqs,
      region: settings.region,
      prefix: settings.table,
      dataDir: settings.inMemory ? undefined : join(settings.dataDir, "sqs"),
    });
    started.push({ name: "fauxqs", stop: sqs.stop });
    say(`fauxqs (SQS, S3) on ${sqs.endpoint}`);

    const eventBridge = await startEventBridge({ port: settings.ports.eventbridge });
    started.push({ name: "EventBridge stand-in", stop: eventBridge.stop });
    say(`EventBridge stand-in on ${eventBridge.endpoint}`);

    const statePath = (name: string) =>
      settings.inMemory ? undefined : join(settings.dataDir, `${name}.json`);
    const hub = await startHuggingFace(source, { port: settings.ports.huggingface });
    started.push({ name: "Hugging Face Hub simulator", stop: hub.stop });
    if (hub.simulatorUrl) say(`Hugging Face Hub simulator on ${hub.simulatorUrl}`);
    // The Together simulator pulls Hub repos from the same Hub the handlers read.
    const together = await startTogether(options.together, source, {
      hubUrl: hub.env.HF_ENDPOINT,
      port: settings.ports.simulator,
      timeScale: settings.simulatorTimeScale,
      statePath: statePath("together-simulator"),
    });
    started.push({ name: "Together simulator", stop: together.stop });
    if (together.simulatorUrl) say(`Together simulator on ${together.simulatorUrl}`);
    const fireworks = await startFireworks(source, {
      port: settings.ports.fireworks,
      timeScale: settings.simulatorTimeScale,
      statePath: statePath("fireworks-simulator"),
    });
    started.push({ name: "Fireworks simulator", stop: fireworks.stop });
    if (fireworks.simulatorUrl) say(`Fireworks simulator on ${fireworks.simulatorUrl}`);

    const env: Record<string, string> = {
      // Local defaults a developer's own env (or options.env) may override.
      ...LOCAL_DEFAULTS,
      ...pick(process.env, Object.keys(LOCAL_DEFAULTS)),
      ...options.env,
      // What the stack runs on is never overridden.
      HANGAR_TABLE: settings.table,
      HANGAR_JOBS_QUEUE_URL: sqs.queues.jobs.url,
      HANGAR_WEBHOOKS_QUEUE_URL: sqs.queues.webhooks.url,
      HANGAR_DYNAMODB_ENDPOINT: dynamo.endpoint,
      HANGAR_SQS_ENDPOINT: sqs.endpoint,
      HANGAR_S3_ENDPOINT: sqs.s3Endpoint,
      HANGAR_EVENTBRIDGE_ENDPOINT: eventBridge.endpoint,
      AWS_REGION: settings.region,
      // Any client built without a local endpoint then fails to sign in instead of reaching real AWS.
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      ...together.env,
      ...fireworks.env,
      ...hub.env,
    };
    delete process.env.AWS_SESSION_TOKEN;
    Object.assign(process.env, env);

    const apiKey = await localApiKey({
      provided: source.HANGAR_API_KEY || undefined,
      file: settings.inMemory ? undefined : join(settings.dataDir, "api-key"),
    });
    const handlers = await loadHandlers();

    const client = new SQSClient({
      endpoint: sqs.endpoint,
      region: settings.region,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
      useQueueUrlAsEndpoint: false,
    });
    started.push({ name: "SQS client", stop: async () => client.destroy() });
    for (const [name, handler] of [
      ["jobs", handlers.worker],
      ["webhooks", handlers.webhookSender],
    ] as const) {
      const consumer = startQueueConsumer({
        client,
        queueUrl: sqs.queues[name].url,
        region: settings.region,
        handler,
        batchSize: queues[name].batchSize,
        concurrency: settings.concurrency,
      });
      started.push({ name: `${name} consumer`, stop: consumer.stop });
    }

    const scheduler = startScheduler(
      Object.entries(crons).map(([name, cron]) => {
        const handler = handlers.scheduled[cron.handler];
        if (!handler) throw new Error(`No local handler for cron ${name} (${cron.handler})`);
        return { name, expression: cron.expression, handler };
      }),
      { speedUp: settings.scheduleSpeedUp },
    );
    started.push({ name: "scheduler", stop: scheduler.stop });

    const api = await startApi({
      fetch: handlers.fetch,
      port: settings.ports.api,
      timeouts: settings.httpTimeouts,
    });
    started.push({ name: "API", stop: api.stop });
    // Known only once bound (port 0); nothing has been served before this.
    env.HANGAR_PUBLIC_URL = source.HANGAR_PUBLIC_URL ?? api.url;
    process.env.HANGAR_PUBLIC_URL = env.HANGAR_PUBLIC_URL;
    say(`API on ${api.url}`);

    return {
      apiUrl: api.url,
      apiKey,
      tenantId: LOCAL_TENANT,
      env,
      togetherUrl: together.simulatorUrl,
      fireworksUrl: fireworks.simulatorUrl,
      huggingFaceUrl: hub.simulatorUrl,
      endpoints: {
        dynamodb: dynamo.endpoint,
        sqs: sqs.endpoint,
        eventbridge: eventBridge.endpoint,
        together: together.env.TOGETHER_BASE_URL as string,
        fireworks: fireworks.env.FIREWORKS_BASE_URL ?? "https://api.fireworks.ai",
        huggingface: hub.env.HF_ENDPOINT as string,
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * On a fixed port a failure is final; on a free port picked for Java another process may take
 * it before Java binds, so a few fresh ports are tried.
 */
async function startDynamoOn(port: number, options: Omit<DynamoOptions, "port">) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDynamo({ ...options, port: port || (await freePort()) });
    } catch (error) {
      if (port !== 0 || attempt >= 3 || (error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    }
  }
}

/** Faster provider checks than on AWS, webhooks may target this machine, events go to the stand-in's bus. */
const LOCAL_DEFAULTS = {
  HANGAR_CHECK_MIN_SECONDS: "1",
  HANGAR_CHECK_MAX_SECONDS: "5",
  HANGAR_WEBHOOK_ALLOW_PRIVATE: "true",
  HANGAR_EVENT_BUS_NAME: "hangar-local",
  // Metrics are still counted (the code path runs), not printed: on AWS they go to CloudWatch.
  POWERTOOLS_METRICS_DISABLED: "true",
};

function pick(env: Record<string, string | undefined>, names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]]])));
}
