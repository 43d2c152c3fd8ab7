import * as z from "zod";
import { usageAccount } from "../provider/lookup";
import { mine } from "./query";
import { apiVersionOf } from "./row";
import { type StoredSample, samples } from "./usage-store";

const windows = {
  "1h": { ms: 3_600_000, bucketMs: 60_000 },
  "24h": { ms: 86_400_000, bucketMs: 15 * 60_000 },
  "7d": { ms: 7 * 86_400_000, bucketMs: 3_600_000 },
} as const;

export const MetricsInput = z.object({
  window: z
    .enum(Object.keys(windows) as [keyof typeof windows, ...(keyof typeof windows)[]])
    .default("1h")
    .meta({ description: "How far back: 1h (1-minute points), 24h (15-minute points), 7d (hourly points)." }),
});

const Latency = z
  .object({ p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable() })
  .meta({
    description:
      "Milliseconds. Over a point of several minutes: p50 weighted by requests, p95/p99 the worst minute's.",
  });

const Point = z.object({
  at: z.string().meta({ description: "Start of the point's interval." }),
  requests: z.number().int(),
  requestsPerMinute: z.number(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  errorRate: z.number().nullable().meta({ description: "Failed / all requests; null without requests." }),
  latencyMs: Latency.nullable(),
  replicas: z
    .number()
    .nullable()
    .meta({ description: "Most replicas the provider reported in the interval." }),
});

export const Metrics = z
  .object({
    deploymentId: z.string(),
    window: z.enum(Object.keys(windows) as [string, ...string[]]),
    from: z.string(),
    to: z.string(),
    bucketSeconds: z.number().int(),
    measured: z.boolean().meta({
      description:
        "Whether the provider measures this deployment's traffic (Fireworks account metrics). False: no points; only proxy traffic and heartbeats count as activity.",
    }),
    totals: z.object({
      requests: z.number().int(),
      inputTokens: z.number().int(),
      outputTokens: z.number().int(),
      errors: z.number().int(),
    }),
    points: z.array(Point),
  })
  .meta({ id: "DeploymentMetrics" });
export type Metrics = z.infer<typeof Metrics>;

/** What the provider measured of a deployment (minute samples of the activity reads), in points. */
export async function metrics(
  id: string,
  input: z.input<typeof MetricsInput>,
  now = new Date(),
): Promise<Metrics> {
  const { window } = MetricsInput.parse(input);
  const row = await mine(id);
  const { ms, bucketMs } = windows[window];
  const to = Math.floor(now.getTime() / bucketMs) * bucketMs + bucketMs;
  const from = to - ms;
  const measured = usageAccount(row.provider, apiVersionOf(row)) !== undefined;
  const got = measured ? await samples(row.id, iso(from), iso(to)) : [];
  const points = measured ? bucket(got, from, to, bucketMs) : [];
  return {
    deploymentId: row.id,
    window,
    from: iso(from),
    to: iso(to),
    bucketSeconds: bucketMs / 1000,
    measured,
    totals: {
      requests: sum(got, (s) => s.requests),
      inputTokens: sum(got, (s) => s.inputTokens ?? 0),
      outputTokens: sum(got, (s) => s.outputTokens ?? 0),
      errors: sum(got, (s) => s.errors ?? 0),
    },
    points,
  };
}

/** Minute samples into points of `bucketMs`; a minute without a sample had no traffic. */
export function bucket(got: StoredSample[], from: number, to: number, bucketMs: number) {
  const groups = new Map<number, StoredSample[]>();
  for (const s of got) {
    // A sample stamped T covers the minute before T.
    const start = from + Math.floor((Date.parse(s.at) - 1 - from) / bucketMs) * bucketMs;
    groups.set(start, [...(groups.get(start) ?? []), s]);
  }
  const out: z.infer<typeof Point>[] = [];
  for (let start = from; start < to; start += bucketMs) {
    const group = groups.get(start) ?? [];
    const requests = sum(group, (s) => s.requests);
    const errors = sum(group, (s) => s.errors ?? 0);
    const timed = group.filter((s) => s.latencyMs && s.requests > 0);
    const replicas = group.flatMap((s) => (s.replicas === undefined ? [] : [s.replicas]));
    out.push({
      at: iso(start),
      requests,
      requestsPerMinute: requests / (bucketMs / 60_000),
      inputTokens: sum(group, (s) => s.inputTokens ?? 0),
      outputTokens: sum(group, (s) => s.outputTokens ?? 0),
      errorRate: requests ? errors / requests : null,
      latencyMs: timed.length ? latency(timed) : null,
      replicas: replicas.length ? Math.max(...replicas) : null,
    });
  }
  return out;
}

function latency(timed: StoredSample[]) {
  const weight = sum(timed, (s) => (s.latencyMs?.p50 === undefined ? 0 : s.requests));
  const p50 = weight ? sum(timed, (s) => (s.latencyMs?.p50 ?? 0) * s.requests) / weight : null;
  const worst = (k: "p95" | "p99") => {
    const values = timed.flatMap((s) => (s.latencyMs?.[k] === undefined ? [] : [s.latencyMs[k] as number]));
    return values.length ? Math.max(...values) : null;
  };
  return { p50, p95: worst("p95"), p99: worst("p99") };
}

const iso = (ms: number) => new Date(ms).toISOString();
const sum = <T>(items: T[], of: (item: T) => number) => items.reduce((n, item) => n + of(item), 0);
