import type { UsageSample } from "../../src/provider";
import { type PromSample, parseExposition } from "./prometheus";

/**
 * The account metrics endpoint's series, by what they measure. Rates are per second over the last
 * minute. Only the request and prompt-token names are documented; the others are matched
 * liberally (the reference calls their exact names unverified), always keyed on `deployment_id`.
 */
const rates = {
  requests: (name: string) => name === "request_counter_total:sum_by_deployment",
  inputTokens: (name: string) => name === "tokens_prompt_total:sum_by_deployment",
  outputTokens: (name: string) =>
    /^tokens_(generated|completion|output)[a-z_]*:sum_by_deployment$/.test(name),
  errors: (name: string) => /^requests?_error[a-z_]*:sum_by_deployment$/.test(name),
};
const isReplicas = (name: string) => /replica/.test(name) && !/latency/.test(name);
const isLatency = (name: string) => /latency/.test(name);

type Acc = Omit<UsageSample, "endpointId"> & {
  buckets?: Map<number, number>;
  quantiles?: Map<number, number>;
};

/**
 * Maps one scrape onto samples for `windowSeconds`: a rate × the window is a count. Only the
 * deployments asked for come back, and only those the scrape mentions: absent means no traffic.
 * Latency comes from a summary's quantiles, else from a histogram's buckets. Throws on text that
 * isn't Prometheus exposition.
 */
export function usageFromMetrics(text: string, ids: Set<string>, windowSeconds: number): UsageSample[] {
  const out = new Map<string, Acc>();
  for (const sample of parseExposition(text).samples) {
    const id = sample.labels.deployment_id;
    if (!id || !ids.has(id)) continue;
    const acc = out.get(id) ?? { requests: 0 };
    out.set(id, acc);
    apply(acc, sample, windowSeconds);
  }
  return [...out].map(([endpointId, { buckets, quantiles, ...acc }]) => {
    const latencyMs = quantiles?.size
      ? fromQuantiles(quantiles)
      : buckets?.size
        ? fromBuckets(buckets)
        : undefined;
    return { endpointId, ...acc, ...(latencyMs ? { latencyMs } : {}) };
  });
}

function apply(acc: Acc, { name, labels, value }: PromSample, windowSeconds: number) {
  if (!Number.isFinite(value) && labels.le === undefined) return;
  for (const [field, matches] of Object.entries(rates) as [keyof typeof rates, (n: string) => boolean][]) {
    if (matches(name)) acc[field] = (acc[field] ?? 0) + Math.round(value * windowSeconds);
  }
  if (isReplicas(name)) acc.replicas = value;
  if (!isLatency(name)) return;
  if (name.endsWith("_bucket") && labels.le !== undefined) {
    acc.buckets ??= new Map();
    acc.buckets.set(labels.le === "+Inf" ? Number.POSITIVE_INFINITY : Number(labels.le), value);
  } else if (labels.quantile !== undefined && Number.isFinite(value)) {
    acc.quantiles ??= new Map();
    acc.quantiles.set(Number(labels.quantile), value);
  }
}

function fromQuantiles(q: Map<number, number>) {
  return { p50: q.get(0.5), p95: q.get(0.95), p99: q.get(0.99) };
}

function fromBuckets(buckets: Map<number, number>) {
  const p50 = quantile(buckets, 0.5);
  if (p50 === undefined) return undefined;
  return { p50, p95: quantile(buckets, 0.95), p99: quantile(buckets, 0.99) };
}

/**
 * A quantile from cumulative histogram buckets (upper bound → count), interpolating linearly
 * inside the bucket it falls in, as Prometheus' histogram_quantile does; in the +Inf bucket, the
 * highest finite bound.
 */
export function quantile(buckets: Map<number, number>, q: number): number | undefined {
  const sorted = [...buckets].filter(([le]) => !Number.isNaN(le)).sort(([a], [b]) => a - b);
  const total = sorted.at(-1)?.[1] ?? 0;
  if (!total) return undefined;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const [le, count] of sorted) {
    if (count >= rank) {
      if (!Number.isFinite(le)) return lower;
      const within = count - below;
      return within ? lower + ((le - lower) * (rank - below)) / within : le;
    }
    lower = le;
    below = count;
  }
  return lower;
}
