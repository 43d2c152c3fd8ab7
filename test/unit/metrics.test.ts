import { metric } from "@hangar/core/util/metrics";
import { beforeAll, describe, expect, it, vi } from "vitest";

type Emf = {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  [key: string]: unknown;
};

function captured(fn: () => void): Emf[] {
  const lines: string[] = [];
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    fn();
  } finally {
    out.mockRestore();
  }
  return lines
    .join("")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe("the metrics", () => {
  beforeAll(() => {
    // The unit setup turns printing off, as the local stack does; these tests read what is printed.
    process.env.POWERTOOLS_METRICS_DISABLED = "false";
  });

  it("writes a dimensioned metric at once, as its own embedded-metric line", () => {
    const [line] = captured(() => metric.by({ provider: "together", state: "ready" }, "StateTransitions"));
    expect(line?._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: "Hangar",
      Dimensions: [["service", "provider", "state"]],
      Metrics: [{ Name: "StateTransitions" }],
    });
    expect(line).toMatchObject({
      service: "hangar",
      provider: "together",
      state: "ready",
      StateTransitions: 1,
    });
  });

  it("writes stored metrics together on flush, and nothing when none were stored", () => {
    const lines = captured(() => {
      metric.add("WebhookDeliveries");
      metric.add("WebhookDeliveries");
      metric.add("WebhookFailures");
      metric.flush();
      metric.flush();
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ WebhookDeliveries: [1, 1], WebhookFailures: 1 });
  });
});
