import type { EndpointAnalyticsResponse } from "together-ai/resources/beta/endpoints/endpoints";
import * as z from "zod";
import type { UsageSample } from "../../../src/provider";
import { ProviderError } from "../../../src/provider/error";
import type { TogetherV2Client } from "./client";
import { parseId } from "./states";

/** 64-bit counters arrive as JSON strings (proto3 JSON); a number is taken too, to be liberal. */
const Int64 = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    const n = typeof v === "number" ? v : Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: `not an int64 counter: ${v}` });
      return z.NEVER;
    }
    return n;
  });

const Metrics = z.object({
  requestMetrics: z
    .object({ totalRequests: Int64, successfulRequests: Int64, failedRequests: Int64 })
    .optional(),
  tokenMetrics: z.object({ totalInputTokens: Int64, totalOutputTokens: Int64 }).optional(),
  latencyMetrics: z
    .object({
      latencyP50Ms: z.number().optional(),
      latencyP90Ms: z.number().optional(),
      latencyP99Ms: z.number().optional(),
    })
    .optional(),
});

/** `GET …/endpoints/{id}/analytics` (reference §5): every field optional, as the SDK says. */
export const AnalyticsWire = z.object({
  endpointId: z.string().optional(),
  metrics: Metrics.optional(),
  deploymentAnalytics: z
    .array(z.object({ deploymentId: z.string().optional(), metrics: Metrics.optional() }))
    .optional(),
});
export type AnalyticsWire = z.output<typeof AnalyticsWire>;

/**
 * One endpoint's sample from the answer: the deployment's own figures where the answer breaks
 * them out, else the aggregate (asked with `deploymentId`, the aggregate is that deployment's).
 * The reference has no p95: p90 stands in for it, the nearest the provider measures.
 */
export function toUsageSample(endpointId: string, deploymentId: string, answer: AnalyticsWire): UsageSample {
  const own = answer.deploymentAnalytics?.find((d) => d.deploymentId === deploymentId)?.metrics;
  const m = own ?? answer.metrics ?? {};
  const latency = m.latencyMetrics;
  return {
    endpointId,
    requests: m.requestMetrics?.totalRequests ?? 0,
    errors: m.requestMetrics?.failedRequests,
    inputTokens: m.tokenMetrics?.totalInputTokens,
    outputTokens: m.tokenMetrics?.totalOutputTokens,
    ...(latency
      ? { latencyMs: { p50: latency.latencyP50Ms, p95: latency.latencyP90Ms, p99: latency.latencyP99Ms } }
      : {}),
  };
}

/**
 * What Together measured of each v2 endpoint over [from, to): one analytics call per endpoint,
 * restricted to its deployment. v1 endpoints have no analytics; they are left out, which the
 * caller reads as "no traffic" only for endpoints it asked about on v2.
 */
export async function usage(
  client: TogetherV2Client,
  input: { endpoints: { id: string; name: string }[]; from: string; to: string },
): Promise<UsageSample[]> {
  const samples: UsageSample[] = [];
  for (const endpoint of input.endpoints) {
    const ids = parseId(endpoint.id);
    if (!ids) {
      throw new ProviderError("together", `${endpoint.id} is a Together v1 endpoint: v1 has no analytics`, {
        retryable: false,
        code: "analytics_unsupported",
      });
    }
    const answer = await client.projectGet(
      `/endpoints/${encodeURIComponent(ids.endpointId)}/analytics`,
      AnalyticsWire,
      { startTime: input.from, endTime: input.to, deploymentId: ids.deploymentId },
    );
    samples.push(toUsageSample(endpoint.id, ids.deploymentId, answer));
  }
  return samples;
}

type Reads<Ours, Sdk> = Sdk extends Ours ? true : never;
export const analyticsSdkCheck: Reads<z.input<typeof AnalyticsWire>, EndpointAnalyticsResponse> = true;
