import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";

let metrics: Metrics | undefined;

/**
 * Powertools' metrics (CloudWatch embedded metric format on stdout), built on first use so the
 * local stack's POWERTOOLS_METRICS_DISABLED, set after import, still counts.
 */
function instance(): Metrics {
  metrics ??= new Metrics({
    namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? "Hangar",
    serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "hangar",
  });
  return metrics;
}

type Unit = "Count" | "Milliseconds";

export const metric = {
  /** Stored, and written with the invocation's other metrics by `flush`. */
  add: (name: string, value = 1, unit: Unit = "Count") => instance().addMetric(name, MetricUnit[unit], value),
  /**
   * With dimensions of its own (a provider, a sweep): written at once as its own line, since the
   * stored metrics share one set of dimensions.
   */
  by: (dimensions: Record<string, string>, name: string, value = 1, unit: Unit = "Count") => {
    const single = instance().singleMetric();
    for (const [key, dimension] of Object.entries(dimensions)) single.addDimension(key, dimension);
    single.addMetric(name, MetricUnit[unit], value);
  },
  /** Once per invocation, in the handler's `finally`. Nothing stored, nothing written (no warning). */
  flush: () => {
    if (instance().hasStoredMetrics()) instance().publishStoredMetrics();
  },
};
