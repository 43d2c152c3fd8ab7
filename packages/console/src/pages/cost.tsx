import type { components } from "@hangar/sdk";
import { useState } from "react";
import { unwrap, useLoad } from "../api";
import { ChartView, dollars, palette } from "../components/chart";
import { ErrorText, Loading } from "../components/status";
import { day, usd } from "../format";

type Cost = components["schemas"]["Cost"];
type GroupBy = Cost["groupBy"];

const today = () => day(new Date());
const monthStart = () => `${today().slice(0, 8)}01`;
const daysAgo = (n: number) => day(new Date(Date.now() - n * 86_400_000));

const presets = [
  { label: "This month", from: monthStart },
  { label: "Last 7 days", from: () => daysAgo(6) },
  { label: "Last 30 days", from: () => daysAgo(29) },
];

function Breakdown({ cost, title, horizontal }: { cost: Cost; title: string; horizontal?: boolean }) {
  const labels = cost.groups.map((g) => g.name ?? g.key);
  const id = `cost-${cost.groupBy}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {cost.groups.length === 0 ? (
        <p className="muted">Nothing accrued in this range.</p>
      ) : (
        <>
          <ChartView
            label={`${title}: cost and savings per ${cost.groupBy}`}
            config={{
              type: "bar",
              data: {
                labels,
                datasets: [
                  {
                    label: "Cost",
                    data: cost.groups.map((g) => g.costUsd),
                    backgroundColor: palette.cost,
                    maxBarThickness: 56,
                  },
                  {
                    label: "Saved",
                    data: cost.groups.map((g) => g.savingsUsd),
                    backgroundColor: palette.savings,
                    maxBarThickness: 56,
                  },
                ],
              },
              options: {
                indexAxis: horizontal ? "y" : "x",
                scales: {
                  x: { stacked: !horizontal, ...(horizontal ? { ticks: { callback: dollars } } : {}) },
                  y: {
                    stacked: !horizontal,
                    beginAtZero: true,
                    ...(horizontal ? {} : { ticks: { callback: dollars } }),
                  },
                },
              },
            }}
          />
          <details>
            <summary>The numbers</summary>
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">{cost.groupBy}</th>
                  <th scope="col" className="num">
                    Cost
                  </th>
                  <th scope="col" className="num">
                    Saved
                  </th>
                  <th scope="col" className="num">
                    Always on
                  </th>
                </tr>
              </thead>
              <tbody>
                {cost.groups.map((g, i) => (
                  <tr key={g.key}>
                    <th scope="row">{labels[i]}</th>
                    <td className="num">{usd(g.costUsd)}</td>
                    <td className="num">{usd(g.savingsUsd)}</td>
                    <td className="num">{usd(g.alwaysOnUsd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

/** Cost and savings over a range, by day, provider and deployment. */
export function Cost() {
  const [from, setFrom] = useState(monthStart);
  const [to, setTo] = useState(today);
  const range = useLoad(
    async (h) => {
      // `to` is exclusive and may not pass now: the end of a past day, or now for today.
      const end = to >= today() ? undefined : day(new Date(Date.parse(to) + 86_400_000));
      const get = async (groupBy: GroupBy) =>
        unwrap(
          await h.api.GET("/v1/cost", { params: { query: { groupBy, from, ...(end ? { to: end } : {}) } } }),
        );
      const [byDay, byProvider, byDeployment] = await Promise.all([
        get("day"),
        get("provider"),
        get("deployment"),
      ]);
      return { byDay, byProvider, byDeployment };
    },
    [from, to],
    30_000,
  );
  const total = range.data?.byDay.total;
  return (
    <section aria-labelledby="cost-title">
      <div className="page-head">
        <h1 id="cost-title">Cost</h1>
      </div>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Range">
        <div className="field">
          <label htmlFor="cost-from">From</label>
          <input id="cost-from" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="cost-to">To</label>
          <input
            id="cost-to"
            type="date"
            value={to}
            min={from}
            max={today()}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <div className="presets">
          {presets.map((p) => (
            <button
              key={p.label}
              type="button"
              className="secondary small"
              aria-pressed={from === p.from() && to === today()}
              onClick={() => {
                setFrom(p.from());
                setTo(today());
              }}
            >
              {p.label}
            </button>
          ))}
        </div>
      </form>
      <ErrorText error={range.error} />
      {!range.data && !range.error && <Loading what="cost" />}
      {total && (
        <dl className="figures card">
          <div>
            <dt>Accrued</dt>
            <dd>{usd(total.costUsd)}</dd>
          </div>
          <div>
            <dt>Saved by stops</dt>
            <dd className="saved">{usd(total.savingsUsd)}</dd>
          </div>
          <div>
            <dt>Always on would be</dt>
            <dd>{usd(total.alwaysOnUsd)}</dd>
          </div>
          <div>
            <dt>Replica-hours</dt>
            <dd>{total.replicaHours.toFixed(2)}</dd>
          </div>
        </dl>
      )}
      {range.data && (
        <div className="columns two">
          <Breakdown cost={range.data.byDay} title="By day" />
          <Breakdown cost={range.data.byProvider} title="By provider" />
          <div className="span">
            <Breakdown cost={range.data.byDeployment} title="By deployment" horizontal />
          </div>
        </div>
      )}
    </section>
  );
}
