import { describe, expect, it } from "vitest";
import { parseExposition } from "../../packages/core/providers/fireworks/prometheus";
import { quantile, usageFromMetrics } from "../../packages/core/providers/fireworks/usage";

const labels = (id: string) =>
  `base_model="accounts/fireworks/models/llama-v3p1-8b-instruct",deployment="accounts/acme/deployments/${id}",deployment_account="acme",deployment_id="${id}"`;

const scrape = `# HELP request_counter_total:sum_by_deployment Requests per second
# TYPE request_counter_total:sum_by_deployment gauge
request_counter_total:sum_by_deployment{${labels("d1")}} 0.5
request_counter_total:sum_by_deployment{${labels("other")}} 2
# TYPE tokens_prompt_total:sum_by_deployment gauge
tokens_prompt_total:sum_by_deployment{${labels("d1")}} 10.25
# TYPE tokens_generated_total:sum_by_deployment gauge
tokens_generated_total:sum_by_deployment{${labels("d1")}} 3
# TYPE requests_error_total:sum_by_deployment gauge
requests_error_total:sum_by_deployment{${labels("d1")}} 0.05
# TYPE deployment_replicas:sum_by_deployment gauge
deployment_replicas:sum_by_deployment{${labels("d1")}} 2
# TYPE latency_overall_ms histogram
latency_overall_ms_bucket{${labels("d1")},le="100"} 10
latency_overall_ms_bucket{${labels("d1")},le="200"} 20
latency_overall_ms_bucket{${labels("d1")},le="+Inf"} 20
latency_overall_ms_sum{${labels("d1")}} 3000
latency_overall_ms_count{${labels("d1")}} 20
latency_overall_ms_bucket{${labels("other")},le="100"} 1
latency_overall_ms_bucket{${labels("other")},le="+Inf"} 1
`;

describe("Prometheus exposition parsing", () => {
  it("reads names, labels with escapes, values, timestamps and declared types", () => {
    const text = [
      "# HELP x A help line, ignored",
      "# TYPE x counter",
      'x{path="C:\\\\DIR",msg="say \\"hi\\"\\n",} 1027 1395066363000',
      "",
      "y +Inf",
      "z NaN",
      "w -1.5e3",
    ].join("\n");
    const { samples, types } = parseExposition(text);
    expect(types.get("x")).toBe("counter");
    expect(samples[0]).toEqual({ name: "x", labels: { path: "C:\\DIR", msg: 'say "hi"\n' }, value: 1027 });
    expect(samples[1]?.value).toBe(Number.POSITIVE_INFINITY);
    expect(samples[2]?.value).toBeNaN();
    expect(samples[3]?.value).toBe(-1500);
  });

  it.each([
    ["an HTML error page", "<html><body>Bad gateway</body></html>"],
    ["a sample without a value", 'x{a="b"}'],
    ["an unterminated label value", 'x{a="b} 1'],
    ["a value that is not a number", "x one"],
    ["a TYPE of no known kind", "# TYPE x thing"],
    ["a label without quotes", "x{a=b} 1"],
  ])("refuses %s, naming the line", (_, text) => {
    expect(() => parseExposition(text)).toThrow(/line 1/);
  });
});

describe("Fireworks usage from account metrics", () => {
  it("turns per-second rates into counts over the window, for the deployments asked for only", () => {
    const [d1, ...rest] = usageFromMetrics(scrape, new Set(["d1"]), 60);
    expect(rest).toEqual([]);
    expect(d1).toEqual({
      endpointId: "d1",
      requests: 30,
      inputTokens: 615,
      outputTokens: 180,
      errors: 3,
      replicas: 2,
      latencyMs: { p50: 100, p95: 190, p99: 198 },
    });
  });

  it("leaves out a deployment the scrape doesn't mention: it had no traffic", () => {
    expect(usageFromMetrics(scrape, new Set(["idle"]), 60)).toEqual([]);
    expect(usageFromMetrics("", new Set(["d1"]), 60)).toEqual([]);
  });

  it("prefers a summary's quantiles for latency", () => {
    const text = [
      "# TYPE request_latency_ms summary",
      `request_latency_ms{${labels("d1")},quantile="0.5"} 120`,
      `request_latency_ms{${labels("d1")},quantile="0.95"} 300`,
      `request_latency_ms{${labels("d1")},quantile="0.99"} 450`,
      `request_counter_total:sum_by_deployment{${labels("d1")}} 1`,
    ].join("\n");
    expect(usageFromMetrics(text, new Set(["d1"]), 60)[0]).toMatchObject({
      requests: 60,
      latencyMs: { p50: 120, p95: 300, p99: 450 },
    });
  });

  it("interpolates histogram quantiles inside their bucket, and stops at the last finite bound", () => {
    const buckets = new Map([
      [100, 50],
      [200, 100],
      [Number.POSITIVE_INFINITY, 200],
    ]);
    expect(quantile(buckets, 0.125)).toBe(50);
    expect(quantile(buckets, 0.5)).toBe(200);
    expect(quantile(buckets, 0.9)).toBe(200);
    expect(quantile(new Map([[100, 0]]), 0.5)).toBeUndefined();
  });
});
