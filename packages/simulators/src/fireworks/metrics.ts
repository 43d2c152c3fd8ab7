import type { SimDeployment } from "./deployments";
import type { SimState } from "./state";

/** One chat request a deployment answered (or refused while scaling up), as the metrics see it. */
export type Served = {
  deploymentId: string;
  at: number;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  error: boolean;
};

/** Fireworks' rates are per second over a 1-minute window; the window is real time, never scaled. */
export const WINDOW_MS = 60_000;
/** At most this many scrapes per account per window, else 429. */
export const SCRAPES_PER_MINUTE = 6;
const LATENCY_BUCKETS = [50, 100, 250, 500, 1000, 2500, 5000];

export function recordServed(state: SimState, served: Omit<Served, "at">) {
  const now = state.now();
  state.served = state.served.filter((s) => s.at > now - 2 * WINDOW_MS);
  state.served.push({ ...served, at: now });
}

/** Takes a scrape slot; false when the account already used its six this minute. */
export function takeScrape(state: SimState): boolean {
  const now = state.now();
  state.scrapes = state.scrapes.filter((at) => at > now - WINDOW_MS);
  if (state.scrapes.length >= SCRAPES_PER_MINUTE) return false;
  state.scrapes.push(now);
  return true;
}

/**
 * The account's metrics in Prometheus text format, from the requests served in the last minute.
 * A deployment with no traffic in the window is absent, as at Fireworks. Names beyond the
 * documented request and prompt-token rates (errors, generated tokens, latency, replicas) are the
 * simulator's guesses: the reference calls them unverified.
 */
export function exposition(state: SimState, deployments: Map<string, SimDeployment>): string {
  const now = state.now();
  const recent = state.served.filter((s) => s.at > now - WINDOW_MS && s.at <= now);
  const byDeployment = new Map<string, Served[]>();
  for (const s of recent) byDeployment.set(s.deploymentId, [...(byDeployment.get(s.deploymentId) ?? []), s]);
  const rate = (n: number) => String(n / (WINDOW_MS / 1000));
  const gauges: Record<string, { help: string; value: (s: Served[], d: SimDeployment) => string }> = {
    "request_counter_total:sum_by_deployment": {
      help: "Requests per second over 1 minute",
      value: (s) => rate(s.length),
    },
    "requests_error_total:sum_by_deployment": {
      help: "Failed requests per second over 1 minute",
      value: (s) => rate(s.filter((x) => x.error).length),
    },
    "tokens_prompt_total:sum_by_deployment": {
      help: "Prompt tokens per second over 1 minute",
      value: (s) => rate(sum(s, (x) => x.promptTokens)),
    },
    "tokens_cached_prompt_total:sum_by_deployment": {
      help: "Cached prompt tokens per second over 1 minute",
      value: () => "0",
    },
    "tokens_generated_total:sum_by_deployment": {
      help: "Generated tokens per second over 1 minute",
      value: (s) => rate(sum(s, (x) => x.completionTokens)),
    },
    "deployment_replicas:sum_by_deployment": {
      help: "Replicas serving",
      value: (_, d) => String(d.replicaCount),
    },
  };
  const active = [...byDeployment].flatMap(([id, served]) => {
    const d = deployments.get(id);
    return d ? [{ d, served, labels: labelsOf(d) }] : [];
  });
  const lines: string[] = [];
  for (const [name, gauge] of Object.entries(gauges)) {
    lines.push(`# HELP ${name} ${gauge.help}`, `# TYPE ${name} gauge`);
    for (const { d, served, labels } of active) lines.push(`${name}{${labels}} ${gauge.value(served, d)}`);
  }
  const histogram = "latency_overall_ms";
  lines.push(`# HELP ${histogram} End-to-end request latency over 1 minute`, `# TYPE ${histogram} histogram`);
  for (const { served, labels } of active) {
    const ok = served.filter((s) => !s.error);
    for (const le of LATENCY_BUCKETS)
      lines.push(`${histogram}_bucket{${labels},le="${le}"} ${ok.filter((s) => s.latencyMs <= le).length}`);
    lines.push(`${histogram}_bucket{${labels},le="+Inf"} ${ok.length}`);
    lines.push(`${histogram}_sum{${labels}} ${sum(ok, (s) => s.latencyMs)}`);
    lines.push(`${histogram}_count{${labels}} ${ok.length}`);
  }
  return `${lines.join("\n")}\n`;
}

function labelsOf(d: SimDeployment) {
  const account = d.name.split("/")[1] ?? "";
  return [
    `base_model="${d.baseModel}"`,
    `deployment="${d.name}"`,
    `deployment_account="${account}"`,
    `deployment_id="${d.id}"`,
  ].join(",");
}

const sum = <T>(items: T[], of: (item: T) => number) => items.reduce((n, item) => n + of(item), 0);
