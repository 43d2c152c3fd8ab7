import type { components } from "@hangar/sdk";
import { usd } from "../format";
import { ChartView, dollars, palette } from "./chart";

type Cost = components["schemas"]["DeploymentCost"];

const reasons = ["idle", "schedule", "budget", "manual", "provider", "other"] as const;

/** Accrued against always-on, and what the stops saved by reason: two charts and their numbers. */
export function CostPanel({ cost }: { cost: Cost }) {
  const saved = reasons.filter((r) => (cost.savingsByReason[r] ?? 0) > 0);
  return (
    <div className="cost-panel">
      <dl className="figures">
        <div>
          <dt>Accrued</dt>
          <dd>{usd(cost.costUsd)}</dd>
        </div>
        <div>
          <dt>Always on would be</dt>
          <dd>{usd(cost.alwaysOnUsd)}</dd>
        </div>
        <div>
          <dt>Saved</dt>
          <dd className="saved">{usd(cost.savingsUsd)}</dd>
        </div>
        <div>
          <dt>Replica-hours</dt>
          <dd>{cost.replicaHours.toFixed(2)}</dd>
        </div>
      </dl>
      <div className="charts">
        <figure>
          <figcaption>Accrued vs always on</figcaption>
          <ChartView
            label={`Accrued ${usd(cost.costUsd)}, always on ${usd(cost.alwaysOnUsd)}`}
            config={{
              type: "bar",
              data: {
                labels: ["Accrued", "Always on"],
                datasets: [
                  {
                    label: "USD",
                    data: [cost.costUsd, cost.alwaysOnUsd],
                    backgroundColor: [palette.cost, palette.alwaysOn],
                    maxBarThickness: 72,
                  },
                ],
              },
              options: {
                plugins: { legend: { display: false } },
                scales: { y: { beginAtZero: true, ticks: { callback: dollars } } },
              },
            }}
          />
        </figure>
        <figure>
          <figcaption>Savings by reason</figcaption>
          {saved.length ? (
            <ChartView
              label={`Savings by reason: ${saved.map((r) => `${r} ${usd(cost.savingsByReason[r] ?? 0)}`).join(", ")}`}
              config={{
                type: "doughnut",
                data: {
                  labels: saved,
                  datasets: [
                    {
                      label: "USD saved",
                      data: saved.map((r) => cost.savingsByReason[r] ?? 0),
                      backgroundColor: saved.map((r) => palette.reasons[reasons.indexOf(r)] ?? "#475569"),
                    },
                  ],
                },
                options: { plugins: { legend: { position: "bottom" } } },
              }}
            />
          ) : (
            <p className="muted">No savings yet: nothing has stopped it since it was first ready.</p>
          )}
          {saved.length > 0 && (
            <table className="compact" aria-label="Savings by reason">
              <tbody>
                {saved.map((r) => (
                  <tr key={r}>
                    <th scope="row">{r}</th>
                    <td className="num">{usd(cost.savingsByReason[r] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </figure>
      </div>
      <p className="muted small">
        From {cost.from.slice(0, 10)} to now.{" "}
        {cost.basis === "min_replicas" &&
          "The provider doesn't report live replicas: min replicas are billed."}
      </p>
    </div>
  );
}
