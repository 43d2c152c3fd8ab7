import { describe, expect, it } from "vitest";
import { AnalyticsWire, toUsageSample } from "../../packages/core/providers/together/v2/analytics";
import { EventWire, toProviderEvent } from "../../packages/core/providers/together/v2/events";

describe("Together v2 events feed", () => {
  it("keeps the provider's id, time, type and level, in core's words", () => {
    const wire = EventWire.parse({
      id: "evt_93",
      createdAt: "2026-09-01T10:21:40Z",
      endpointId: "ep_8Kq2mV",
      deploymentId: "dep_Q7x1",
      level: "LEVEL_WARN",
      source: "deployment-controller",
      sourceKind: "SOURCE_KIND_DEPLOYMENT",
      type: "deployment.status_updated",
      message: "Cannot place replicas: insufficient GPU capacity",
    });
    expect(toProviderEvent(wire)).toEqual({
      id: "evt_93",
      at: "2026-09-01T10:21:40Z",
      type: "deployment.status_updated",
      level: "warn",
      message: "Cannot place replicas: insufficient GPU capacity",
      source: "deployment-controller",
      deploymentId: "dep_Q7x1",
    });
  });

  it("says a scaling event's replica counts when it carries no message", () => {
    const wire = EventWire.parse({
      id: "evt_94",
      createdAt: "2026-09-01T10:22:00Z",
      endpointId: "ep_8Kq2mV",
      level: "LEVEL_INFO",
      source: "autoscaler",
      sourceKind: "SOURCE_KIND_DEPLOYMENT",
      type: "deployment.scaled",
      oldReplicas: 1,
      newReplicas: 2,
    });
    expect(toProviderEvent(wire).message).toBe("replicas 1 → 2");
  });

  it("accepts levels and fields newer than the SDK it was written against", () => {
    const wire = EventWire.parse({
      id: "evt_95",
      createdAt: "2026-09-01T10:23:00Z",
      endpointId: "ep_8Kq2mV",
      level: "LEVEL_NOTICE",
      source: "x",
      sourceKind: "SOURCE_KIND_CLUSTER",
      type: "cluster_condition.set",
      somethingNew: true,
    });
    expect(toProviderEvent(wire).level).toBe("info");
  });
});

describe("Together v2 analytics", () => {
  const answer = {
    endpointId: "ep_8Kq2mV",
    metrics: {
      requestMetrics: { totalRequests: "1200", successfulRequests: "1188", failedRequests: "12" },
      tokenMetrics: { totalInputTokens: "480000", totalOutputTokens: "96000" },
      latencyMetrics: { latencyP50Ms: 900, latencyP90Ms: 1800, latencyP99Ms: 3100 },
    },
  };

  it("reads int64 counters sent as strings, with latency percentiles and errors", () => {
    expect(toUsageSample("ep_8Kq2mV/dep_Q7x1", "dep_Q7x1", AnalyticsWire.parse(answer))).toEqual({
      endpointId: "ep_8Kq2mV/dep_Q7x1",
      requests: 1200,
      errors: 12,
      inputTokens: 480000,
      outputTokens: 96000,
      latencyMs: { p50: 900, p95: 1800, p99: 3100 },
    });
  });

  it("takes the deployment's own figures where the answer breaks them out", () => {
    const split = {
      ...answer,
      deploymentAnalytics: [
        { deploymentId: "dep_other", metrics: { requestMetrics: { totalRequests: "1000" } } },
        {
          deploymentId: "dep_Q7x1",
          metrics: { requestMetrics: { totalRequests: "200", failedRequests: "0" } },
        },
      ],
    };
    const sample = toUsageSample("ep_8Kq2mV/dep_Q7x1", "dep_Q7x1", AnalyticsWire.parse(split));
    expect(sample.requests).toBe(200);
    expect(sample.errors).toBe(0);
  });

  it("counts an answer without metrics as no requests", () => {
    expect(toUsageSample("e/d", "d", AnalyticsWire.parse({})).requests).toBe(0);
  });

  it("refuses a counter that is not a number instead of reading it as zero", () => {
    const bad = { metrics: { requestMetrics: { totalRequests: "lots" } } };
    expect(AnalyticsWire.safeParse(bad).success).toBe(false);
  });
});
