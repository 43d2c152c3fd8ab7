import type { EndpointAnalyticsResponse } from "together-ai/resources/beta/endpoints/endpoints";
import { iso, type SimState } from "../state";

/** One chat request the simulator answered for an endpoint (v1 or v2), as the router would log it. */
export type RequestRecord = {
  at: number;
  api: "v1" | "v2";
  endpointId: string;
  deploymentId?: string;
  status: number;
  inputTokens: number;
  outputTokens: number;
  ttftMs: number;
  latencyMs: number;
};

/** Latency is simulated from token counts (nothing really runs a model): a prefill, then a steady decode. */
export function simulatedLatency(inputTokens: number, outputTokens: number) {
  const ttftMs = 40 + Math.round(inputTokens / 2);
  return { ttftMs, latencyMs: ttftMs + 12 * outputTokens };
}

export function record(state: SimState, entry: Omit<RequestRecord, "at" | "ttftMs" | "latencyMs">) {
  state.v2.requests.push({
    ...entry,
    at: state.now(),
    ...simulatedLatency(entry.inputTokens, entry.outputTokens),
  });
}

type Metrics = EndpointAnalyticsResponse.Metrics;
type Group = Omit<Metrics, "deploymentMetrics" | "endpointId" | "timeRange">;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const count = (n: number) => String(n);

/** The metric groups over `records`, spread over `seconds` for the per-second rates. */
export function aggregate(records: RequestRecord[], seconds: number): Group {
  const ok = records.filter((r) => r.status < 400);
  const failed = records.length - ok.length;
  const input = records.reduce((s, r) => s + r.inputTokens, 0);
  const output = records.reduce((s, r) => s + r.outputTokens, 0);
  const byStatus: Record<string, string> = {};
  for (const r of records) byStatus[r.status] = count(Number(byStatus[r.status] ?? 0) + 1);
  const errors = Object.fromEntries(Object.entries(byStatus).filter(([code]) => Number(code) >= 400));
  const ttft = ok.map((r) => r.ttftMs).sort((a, b) => a - b);
  const latency = ok.map((r) => r.latencyMs).sort((a, b) => a - b);
  const itl = ok.filter((r) => r.outputTokens > 1).map(() => 12);
  const rps = seconds > 0 ? records.length / seconds : 0;
  return {
    requestMetrics: {
      totalRequests: count(records.length),
      successfulRequests: count(ok.length),
      failedRequests: count(failed),
      requestsPerSecond: rps,
      requestsByStatusCode: byStatus,
    },
    tokenMetrics: {
      totalInputTokens: count(input),
      totalOutputTokens: count(output),
      avgInputTokens: records.length ? input / records.length : 0,
      avgOutputTokens: records.length ? output / records.length : 0,
    },
    latencyMetrics: {
      ttftP50Ms: percentile(ttft, 50),
      ttftP90Ms: percentile(ttft, 90),
      ttftP99Ms: percentile(ttft, 99),
      latencyP50Ms: percentile(latency, 50),
      latencyP90Ms: percentile(latency, 90),
      latencyP99Ms: percentile(latency, 99),
      itlP50Ms: percentile(itl, 50),
      itlP90Ms: percentile(itl, 90),
      itlP99Ms: percentile(itl, 99),
    },
    throughputMetrics: {
      requestsPerSecond: rps,
      tokensPerSecond: seconds > 0 ? (input + output) / seconds : 0,
      avgBatchSize: 1,
      avgBatchDepth: 1,
    },
    errorMetrics: { errorRate: records.length ? (100 * failed) / records.length : 0, errorsByType: errors },
  };
}

const units: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `1m`, `1h`, `1d` (also `30s`, `5m`); undefined when it isn't one. */
export function parseGranularity(raw: string | undefined): number | undefined {
  const match = /^(\d+)([smhd])$/.exec(raw ?? "1d");
  return match ? Number(match[1]) * (units[match[2] ?? "d"] ?? 0) : undefined;
}

export type AnalyticsQuery = {
  startTime: number;
  endTime: number;
  granularityMs: number;
  includeTimeSeries: boolean;
  deploymentId?: string;
};

const MAX_BUCKETS = 10_000;

function timeSeries(records: RequestRecord[], q: AnalyticsQuery): EndpointAnalyticsResponse.TimeSeries[] {
  const first = Math.floor(q.startTime / q.granularityMs) * q.granularityMs;
  const series: EndpointAnalyticsResponse.TimeSeries[] = [];
  for (let t = first; t < q.endTime && series.length < MAX_BUCKETS; t += q.granularityMs) {
    const bucket = records.filter((r) => r.at >= t && r.at < t + q.granularityMs);
    const group = aggregate(bucket, q.granularityMs / 1000);
    series.push({
      timestamp: iso(t),
      values: {
        requests: bucket.length,
        successfulRequests: Number(group.requestMetrics?.successfulRequests),
        failedRequests: Number(group.requestMetrics?.failedRequests),
        inputTokens: Number(group.tokenMetrics?.totalInputTokens),
        outputTokens: Number(group.tokenMetrics?.totalOutputTokens),
        latencyP50Ms: group.latencyMetrics?.latencyP50Ms ?? 0,
        ttftP50Ms: group.latencyMetrics?.ttftP50Ms ?? 0,
        errorRate: group.errorMetrics?.errorRate ?? 0,
      },
    });
  }
  return series;
}

export function analyticsView(
  state: SimState,
  endpointId: string,
  deploymentIds: string[],
  q: AnalyticsQuery,
): EndpointAnalyticsResponse {
  const timeRange = { startTime: iso(q.startTime), endTime: iso(q.endTime) };
  const seconds = (q.endTime - q.startTime) / 1000;
  const records = state.v2.requests.filter(
    (r) =>
      r.endpointId === endpointId &&
      r.at >= q.startTime &&
      r.at < q.endTime &&
      (!q.deploymentId || r.deploymentId === q.deploymentId),
  );
  const ids = q.deploymentId
    ? [q.deploymentId]
    : [...new Set([...deploymentIds, ...records.flatMap((r) => (r.deploymentId ? [r.deploymentId] : []))])];
  const perDeployment = ids.map((deploymentId) => {
    const mine = records.filter((r) => r.deploymentId === deploymentId);
    return {
      deploymentId,
      mine,
      metrics: { deploymentId, endpointId, timeRange, ...aggregate(mine, seconds) },
    };
  });
  return {
    endpointId,
    timeRange,
    metrics: {
      endpointId,
      timeRange,
      ...aggregate(records, seconds),
      deploymentMetrics: perDeployment.map((d) => d.metrics),
    },
    deploymentAnalytics: perDeployment.map((d) => ({
      deploymentId: d.deploymentId,
      endpointId,
      timeRange,
      metrics: d.metrics,
      ...(q.includeTimeSeries ? { timeSeries: timeSeries(d.mine, q) } : {}),
    })),
    ...(q.includeTimeSeries ? { timeSeries: timeSeries(records, q) } : {}),
  };
}
