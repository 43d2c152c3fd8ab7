import type { Deployment, DeploymentState } from "@hangar/sdk";
import { useState } from "react";
import { unwrap, useLoad } from "../api";
import { ScrollRegion } from "../components/scroll-region";
import { StateBadge } from "../components/state-badge";
import { ErrorText, Loading } from "../components/status";
import { duration, relative, usd } from "../format";
import { href } from "../route";

export const states: DeploymentState[] = [
  "queued",
  "uploading",
  "provisioning",
  "ready",
  "updating",
  "stopping",
  "stopped",
  "starting",
  "deleting",
  "deleted",
  "failed",
];

const REFRESH_MS = 2500;

function nextAction(d: Deployment): string {
  const next = d.nextActions[0];
  return next ? `${next.action} ${relative(next.at)} (${next.reason})` : "—";
}

/** Every deployment of the tenant with this month's cost; refreshes itself. */
export function Deployments() {
  const [state, setState] = useState<"" | DeploymentState>("");
  const [provider, setProvider] = useState<"" | Deployment["provider"]>("");
  const list = useLoad(
    async (hangar) => {
      const deployments: Deployment[] = [];
      for await (const d of hangar.deployments({
        state: state || undefined,
        provider: provider || undefined,
      })) {
        if (state || d.state !== "deleted") deployments.push(d);
      }
      const cost = unwrap(await hangar.api.GET("/v1/cost", { params: { query: { groupBy: "deployment" } } }));
      return { deployments, month: new Map(cost.groups.map((g) => [g.key, g.costUsd])), at: Date.now() };
    },
    [state, provider],
    REFRESH_MS,
  );

  return (
    <section aria-labelledby="deployments-title">
      <div className="page-head">
        <h1 id="deployments-title">Deployments</h1>
        <a className="button" href={href("deployments", "new")}>
          New deployment
        </a>
      </div>
      <div className="filters">
        <div className="field">
          <label htmlFor="filter-state">State</label>
          <select
            id="filter-state"
            value={state}
            onChange={(e) => setState(e.target.value as DeploymentState)}
          >
            <option value="">All but deleted</option>
            {states.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-provider">Provider</label>
          <select
            id="filter-provider"
            value={provider}
            onChange={(e) => setProvider(e.target.value as Deployment["provider"])}
          >
            <option value="">All</option>
            <option value="together">Together</option>
            <option value="fireworks">Fireworks</option>
          </select>
        </div>
        {list.data && (
          <p className="muted updated">
            Updated {new Date(list.data.at).toLocaleTimeString("en-GB")}, every {REFRESH_MS / 1000} s
          </p>
        )}
      </div>
      <ErrorText error={list.error} />
      {list.loading && !list.data && <Loading what="deployments" />}
      {list.data && list.data.deployments.length === 0 && (
        <p className="empty">
          No deployments here yet. <a href={href("deployments", "new")}>Create one</a>.
        </p>
      )}
      {list.data && list.data.deployments.length > 0 && (
        <ScrollRegion aria-labelledby="deployments-title">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Provider</th>
                <th scope="col">State</th>
                <th scope="col">Hardware</th>
                <th scope="col">Replicas</th>
                <th scope="col" className="num">
                  $/h
                </th>
                <th scope="col" className="num">
                  This month
                </th>
                <th scope="col">Idle for</th>
                <th scope="col">Next action</th>
              </tr>
            </thead>
            <tbody>
              {list.data.deployments.map((d) => (
                <tr key={d.id} data-deployment={d.name}>
                  <th scope="row">
                    <a href={href("deployments", d.id)}>{d.name}</a>
                  </th>
                  <td>{d.provider}</td>
                  <td>
                    <StateBadge state={d.state} />
                  </td>
                  <td className="mono">{d.hardware}</td>
                  <td>
                    {d.autoscaling.minReplicas}–{d.autoscaling.maxReplicas}
                  </td>
                  <td className="num">
                    {d.price ? usd(d.price.pricePerHour * d.autoscaling.minReplicas) : "—"}
                  </td>
                  <td className="num">{usd(list.data?.month.get(d.id) ?? 0)}</td>
                  <td>
                    {d.state === "ready"
                      ? duration(Date.now() - Date.parse(d.lastActivityAt ?? d.updatedAt))
                      : "—"}
                  </td>
                  <td className="next">{nextAction(d)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
