import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from "chart.js";
import { useEffect, useRef } from "react";
import { usd } from "../format";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  DoughnutController,
  ArcElement,
  Legend,
  Tooltip,
);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
Chart.defaults.color = "#334155";

/** An axis tick in dollars. */
export const dollars = (value: string | number) => usd(Number(value));

export const palette = {
  cost: "#1d4ed8",
  alwaysOn: "#94a3b8",
  savings: "#15803d",
  reasons: ["#15803d", "#0e7490", "#b45309", "#7c3aed", "#be123c", "#475569"],
};

/**
 * A Chart.js canvas. Charts are drawn on a canvas, which a screen reader can't read: `label`
 * names it, and every chart in the console sits beside a table of the same numbers.
 */
export function ChartView({ config, label }: { config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const data = JSON.stringify(config.data);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn when the data changes, not on every poll.
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      ...config,
      options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
    });
    return () => chart.destroy();
  }, [data]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
