import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { type Stack, startStack } from "@hangar/local/stack";
import { measureCalls } from "./calls";
import { apiClient, simClient } from "./client";
import { machine, watchMemory } from "./machine";
import { measureReady, type ReadyResult } from "./ready";
import { startReceiver } from "./receiver";
import { callsTable, readyTable, throughputTable } from "./report";
import { measureThroughput } from "./throughput";

const READY_DEPLOYMENTS = 24;
/** Context: the same path without a burst (each created once the previous one is ready). */
const SEQUENTIAL_DEPLOYMENTS = 6;
/** Calls per deployment on each Together API generation (v1 next to v2). */
const GENERATION_DEPLOYMENTS = 12;
const CATALOG_MODEL = "Qwen/Qwen2.5-7B-Instruct";
const THROUGHPUT = { requests: 2_000, concurrency: 32, warmup: 500, rounds: 2, maxMs: 30_000 };
const TIME_SCALE = 1;
/** Past this the run is stuck, not slow: give up rather than hang. */
const WATCHDOG_MS = 9 * 60_000;

const KNOWN_CHILDREN: Record<string, string> = { java: " (DynamoDB Local)", esbuild: " (tsx)" };

const say = (line: string) => console.log(line);
const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function bench(stack: Stack, memory: ReturnType<typeof watchMemory>) {
  if (!stack.togetherUrl) throw new Error("the stack is not running the Together simulator");
  const api = apiClient(stack.apiUrl, stack.apiKey);
  const sim = simClient(stack.togetherUrl);
  const receiver = await startReceiver();
  try {
    await api("/v1/webhooks", { url: receiver.url });
    const ctx = { api, sim, receiver, timeScale: TIME_SCALE };

    const sets: { label: string; count: number; result: ReadyResult }[] = [];
    const measure = async (label: string, count: number, options: Parameters<typeof measureReady>[2]) => {
      const t = Date.now();
      sets.push({ label, count, result: await measureReady(ctx, count, options) });
      say(`${label}: ${count} deployments ready in ${elapsed(t)}`);
    };
    await measure("catalog", READY_DEPLOYMENTS, { source: () => CATALOG_MODEL });
    await measure("hf:// upload", READY_DEPLOYMENTS, { source: () => "hf://acme/tiny-llama" });
    await measure("catalog 1-by-1", SEQUENTIAL_DEPLOYMENTS, {
      source: () => CATALOG_MODEL,
      sequential: true,
    });

    // Calls per deployment on each Together API generation, same models and counts.
    const generations: { label: string; count: number; calls: Record<string, number> }[] = [];
    for (const [label, source] of [
      ["catalog", CATALOG_MODEL],
      ["hf:// upload", "hf://acme/tiny-llama"],
    ] as const) {
      for (const apiVersion of ["v1", "v2"] as const) {
        const t = Date.now();
        const calls = await measureCalls(ctx, GENERATION_DEPLOYMENTS, { source, apiVersion });
        generations.push({ label: `${label} ${apiVersion}`, count: GENERATION_DEPLOYMENTS, calls });
        say(`${label} on ${apiVersion}: ${GENERATION_DEPLOYMENTS} deployments ready in ${elapsed(t)}`);
      }
    }

    const t = Date.now();
    const throughput = await measureThroughput(stack, THROUGHPUT);
    say(`throughput measured in ${elapsed(t)}`);
    const children = memory.children();

    say(readyTable(sets));
    say(callsTable(sets.map(({ label, count, result }) => ({ label, count, calls: result.calls }))));
    say(callsTable(generations, "Together calls per deployment, v1 next to v2"));
    say(throughputTable(throughput, THROUGHPUT));
    return children;
  } finally {
    await receiver.close();
  }
}

/**
 * The stack picks free ports before it binds them, so another process can take one in between.
 * Its AWS clients are cached per process by then, so EADDRINUSE is retried in a fresh process.
 */
async function start(): Promise<Stack> {
  try {
    return await startStack({
      inMemory: true,
      port: 0,
      together: "simulator",
      env: {
        HANGAR_TABLE: `hangar-bench-${randomBytes(4).toString("hex")}`,
        HANGAR_DYNAMODB_PORT: "0",
        HANGAR_SQS_PORT: "0",
        HANGAR_SIMULATOR_PORT: "0",
        HANGAR_SIMULATOR_TIME_SCALE: String(TIME_SCALE),
        HANGAR_LOG_LEVEL: "warn",
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") throw new PortTaken((error as Error).message);
    throw error;
  }
}

class PortTaken extends Error {}

const ATTEMPTS = 3;
const attempt = Number(process.env.HANGAR_BENCH_ATTEMPT ?? 1);
const pristineEnv = { ...process.env };

function rerun(): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env: { ...pristineEnv, HANGAR_BENCH_ATTEMPT: String(attempt + 1) },
    stdio: "inherit",
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

async function main() {
  const began = Date.now();
  const watchdog = setTimeout(() => {
    console.error(`bench: no result after ${WATCHDOG_MS / 1000} s; giving up`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  const memory = watchMemory();
  const host = machine();
  say(
    `Hangar bench: ${host.cores} cores (${host.cpu}), ${host.memoryGb} GB, node ${host.node}, ${host.platform}`,
  );

  const stack = await start();
  const e = stack.env;
  say(
    `stack up in ${elapsed(began)}: checks ${e.HANGAR_CHECK_MIN_SECONDS}-${e.HANGAR_CHECK_MAX_SECONDS} s, ` +
      `consumer concurrency ${process.env.HANGAR_LOCAL_CONCURRENCY ?? 2}, simulator time scale ${TIME_SCALE}`,
  );
  let children: ReturnType<typeof memory.children> = [];
  try {
    children = await bench(stack, memory);
  } finally {
    await stack.stop();
  }
  const peak = memory.stop();
  say(`\n4. Machine and memory`);
  say(`cores ${host.cores} (${host.cpu}), node ${host.node}, ${host.platform}, ${host.memoryGb} GB`);
  say(
    `bench process (API, worker, simulator, fauxqs, load generator): peak RSS ${peak.peakRssMb.toFixed(0)} MB, peak heap ${peak.peakHeapMb.toFixed(0)} MB`,
  );
  for (const child of children)
    say(
      `child process ${child.name}${KNOWN_CHILDREN[child.name] ?? ""}: peak RSS ${child.peakRssMb.toFixed(0)} MB`,
    );
  say(`total ${elapsed(began)}`);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    if (error instanceof PortTaken && attempt < ATTEMPTS) {
      say(`a port was taken while the stack started (${error.message}); starting again in a new process`);
      process.exit(await rerun());
    }
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
