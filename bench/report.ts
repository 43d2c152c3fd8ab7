import type { LoadResult } from "./load";
import type { ReadyResult, Timeline } from "./ready";
import { ms, percentile, table } from "./stats";
import type { Throughput } from "./throughput";

type Sets = { label: string; result: ReadyResult }[];

const spans: [string, (t: Timeline) => number][] = [
  ["first sim response showing STARTED -> webhook", (t) => t.webhook - t.firstReported],
  ["  of which: -> ready committed (worker)", (t) => t.committed - t.firstReported],
  ["  of which: committed -> webhook received", (t) => t.webhook - t.committed],
  ["endpoint became STARTED (sim schedule) -> webhook", (t) => t.webhook - t.becameStarted],
  ["  of which: became -> first reported (poll gap)", (t) => t.firstReported - t.becameStarted],
  ["create (POST sent) -> webhook", (t) => t.webhook - t.created],
  ["  of which: -> endpoint created at provider", (t) => t.endpointCreated - t.created],
];

export function readyTable(sets: Sets) {
  const head = ["span", ...sets.flatMap((s) => [`${s.label} p50`, "p95"])];
  const rows = spans.map(([name, span]) => [
    name,
    ...sets.flatMap(({ result }) => {
      const samples = result.timelines.map(span);
      return [ms(percentile(samples, 50)), ms(percentile(samples, 95))];
    }),
  ]);
  const n = sets.map((s) => `${s.label}: n=${s.result.timelines.length}`).join(", ");
  const via = sets
    .map(({ label, result }) => {
      const counts = new Map<string, number>();
      for (const t of result.timelines) counts.set(t.reportedBy, (counts.get(t.reportedBy) ?? 0) + 1);
      return `${label}: ${[...counts].map(([route, count]) => `${count}x ${route}`).join(", ")}`;
    })
    .join("; ");
  const restarted = sets.filter((s) => s.result.restarted > 0);
  return [
    table(`1. Ready-webhook latency (${n})`, head, rows),
    `first STARTED report came from: ${via}`,
    ...restarted.map((s) => `${s.label}: ${s.result.restarted} endpoint(s) were PATCHed and left out`),
  ].join("\n");
}

export function callsTable(
  sets: { label: string; count: number; calls: Record<string, number> }[],
  title = "2. Together calls per deployment",
) {
  const routes = [...new Set(sets.flatMap((s) => Object.keys(s.calls)))].sort();
  const per = (calls: Record<string, number>, count: number, route?: string) => {
    const total = route ? (calls[route] ?? 0) : Object.values(calls).reduce((a, b) => a + b, 0);
    return [String(total), (total / count).toFixed(2)];
  };
  const head = ["route", ...sets.flatMap((s) => [`${s.label} total`, "per dep"])];
  const rows = [
    ...routes.map((route) => [route, ...sets.flatMap((s) => per(s.calls, s.count, route))]),
    ["all routes", ...sets.flatMap((s) => per(s.calls, s.count))],
  ];
  const n = sets.map((s) => `${s.label}: ${s.count} deployments`).join(", ");
  return table(`${title}, create -> ready (${n})`, head, rows);
}

export function throughputTable(
  results: Throughput,
  settings: { requests: number; concurrency: number; warmup: number; rounds: number },
) {
  const row = (name: string, r: LoadResult) => [
    name,
    String(r.ok),
    String(r.errors),
    `${(r.elapsedMs / 1000).toFixed(2)} s`,
    r.rps.toFixed(0),
    `${r.p50.toFixed(1)} ms`,
    `${r.p99.toFixed(1)} ms`,
    `${r.cpuMsPerRequest.toFixed(2)} ms`,
    `${Math.round(r.loopBusy * 100)}%`,
  ];
  const { baseline, sameCalls, hangar } = results;
  const ratio = (r: LoadResult) =>
    `${(r.rps / baseline.rps).toFixed(2)}x the baseline's req/s, ${(r.p50 / baseline.p50).toFixed(2)}x its p50`;
  return [
    table(
      `3. Create throughput (${settings.requests} POSTs each at concurrency ${settings.concurrency} in ${settings.rounds} interleaved rounds, after ${settings.warmup} warm-up; stack worker idle)`,
      ["target", "ok", "errors", "elapsed", "req/s", "p50", "p99", "cpu/req", "loop busy"],
      [
        row("POST /v1/deployments (Hangar)", hangar),
        row("baseline: PutItem + SendMessage", baseline),
        row("bare route, a create's AWS calls", sameCalls),
      ],
    ),
    `Hangar: ${ratio(hangar)}`,
    `bare route with a create's AWS calls (GetItem + 2-Put TransactWrite + SendMessage): ${ratio(sameCalls)}`,
    "cpu/req: this process's CPU (all threads: API, fauxqs, load generator) per request; DynamoDB Local's JVM is not in it",
    ...[...hangar.failures, ...baseline.failures, ...sameCalls.failures].map((f) => `failure: ${f}`),
  ].join("\n");
}
