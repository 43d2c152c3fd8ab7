import { Pool } from "undici";
import { percentile } from "./stats";

export type LoadOptions = {
  url: string;
  headers: Record<string, string>;
  body: string;
  requests: number;
  concurrency: number;
  /** Stop issuing requests after this long, whatever is left. */
  maxMs: number;
};

export type LoadResult = {
  ok: number;
  errors: number;
  /** The first few failures, for the report. */
  failures: string[];
  elapsedMs: number;
  rps: number;
  p50: number;
  p99: number;
  latencies: number[];
  /** CPU time of this whole process (API, fauxqs, load generator, all threads) per request. */
  cpuMsPerRequest: number;
  /** Share of wall time the main event loop was busy. */
  loopBusy: number;
};

/** POSTs `requests` times over `concurrency` keep-alive connections, loopback only. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  if (url.hostname !== "127.0.0.1") throw new Error(`load only targets 127.0.0.1, not ${url.hostname}`);
  const pool = new Pool(url.origin, { connections: options.concurrency, pipelining: 1 });
  const latencies: number[] = [];
  const failures: string[] = [];
  let errors = 0;
  let issued = 0;
  const cpu = process.cpuUsage();
  const loop0 = performance.eventLoopUtilization();
  const started = performance.now();
  const deadline = started + options.maxMs;
  const worker = async () => {
    while (issued < options.requests && performance.now() < deadline) {
      issued++;
      const t0 = performance.now();
      try {
        const response = await pool.request({
          path: url.pathname,
          method: "POST",
          headers: options.headers,
          body: options.body,
          headersTimeout: 10_000,
          bodyTimeout: 10_000,
        });
        const text = await response.body.text();
        if (response.statusCode >= 200 && response.statusCode < 300) latencies.push(performance.now() - t0);
        else {
          errors++;
          if (failures.length < 3) failures.push(`${response.statusCode} ${text.slice(0, 200)}`);
        }
      } catch (error) {
        errors++;
        if (failures.length < 3) failures.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const busy = performance.eventLoopUtilization(loop0);
  await pool.close();
  return {
    ok: latencies.length,
    errors,
    failures,
    elapsedMs,
    rps: latencies.length / (elapsedMs / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    latencies,
    cpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, issued),
    loopBusy: busy.utilization,
  };
}

/** Rounds of the same target as one result: counts and times add up, latencies pool. */
export function combine(rounds: LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  const latencies = rounds.flatMap((r) => r.latencies);
  const elapsedMs = sum((r) => r.elapsedMs);
  const requests = sum((r) => r.ok + r.errors);
  return {
    ok: latencies.length,
    errors: sum((r) => r.errors),
    failures: rounds.flatMap((r) => r.failures).slice(0, 3),
    elapsedMs,
    rps: latencies.length / (elapsedMs / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    latencies,
    cpuMsPerRequest: sum((r) => r.cpuMsPerRequest * (r.ok + r.errors)) / Math.max(1, requests),
    loopBusy: sum((r) => r.loopBusy * r.elapsedMs) / elapsedMs,
  };
}
