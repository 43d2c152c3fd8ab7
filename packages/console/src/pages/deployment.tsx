import type { Deployment } from "@hangar/sdk";
import { unwrap, useAction, useHangar, useLoad } from "../api";
import { Chat } from "../components/chat";
import { ConfirmButton } from "../components/confirm-button";
import { CostPanel } from "../components/cost-panel";
import { Deliveries, type Delivery } from "../components/deliveries";
import { Policies } from "../components/policies";
import { StateBadge } from "../components/state-badge";
import { ErrorText, Loading } from "../components/status";
import { Timeline } from "../components/timeline";
import { bytes, dateTime, relative, usd } from "../format";
import { go, href } from "../route";

const REFRESH_MS = 2000;

function Upload({ upload }: { upload: NonNullable<Deployment["upload"]> }) {
  const percent = upload.bytesTotal ? Math.round((upload.bytesDone / upload.bytesTotal) * 100) : 0;
  return (
    <section className="card" aria-labelledby="upload-title">
      <h2 id="upload-title">Upload</h2>
      <label htmlFor="upload-progress">
        {bytes(upload.bytesDone)} of {bytes(upload.bytesTotal)} ({percent} %)
      </label>
      <progress id="upload-progress" max={upload.bytesTotal || 1} value={upload.bytesDone} />
      <ul className="files">
        {upload.files.map((f) => (
          <li key={f.path}>
            <span className="mono">{f.path}</span> {f.done ? "done" : `${bytes(f.sent)} of ${bytes(f.size)}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Actions({ deployment, onChange }: { deployment: Deployment; onChange: () => void }) {
  const hangar = useHangar();
  const path = { params: { path: { id: deployment.id } } };
  const act = useAction(async (what: "stop" | "start" | "delete") => {
    if (what === "stop") unwrap(await hangar.api.POST("/v1/deployments/{id}/stop", path));
    if (what === "start") unwrap(await hangar.api.POST("/v1/deployments/{id}/start", path));
    if (what === "delete") unwrap(await hangar.api.DELETE("/v1/deployments/{id}", path));
    onChange();
  });
  const gone = deployment.state === "deleted" || deployment.state === "deleting";
  const stopped = deployment.desired.state === "stopped";
  return (
    <div className="actions">
      {stopped ? (
        <ConfirmButton
          label="Start"
          title={`Start ${deployment.name}?`}
          confirmLabel="Start deployment"
          disabled={gone || act.pending}
          onConfirm={() => void act.run("start")}
        >
          <p>Billing resumes once the provider runs it again.</p>
        </ConfirmButton>
      ) : (
        <ConfirmButton
          label="Stop"
          title={`Stop ${deployment.name}?`}
          confirmLabel="Stop deployment"
          disabled={gone || act.pending}
          onConfirm={() => void act.run("stop")}
        >
          <p>It stops serving and stops costing; Start brings it back with the same settings.</p>
        </ConfirmButton>
      )}
      <ConfirmButton
        label="Delete"
        title={`Delete ${deployment.name}?`}
        confirmLabel="Delete deployment"
        danger
        disabled={gone || act.pending}
        onConfirm={() => void act.run("delete").then((ok) => ok && go("deployments"))}
      >
        <p>The provider's endpoint is deleted and the name becomes free. This can't be undone.</p>
      </ConfirmButton>
      <ErrorText error={act.error} />
    </div>
  );
}

/** This deployment's deliveries, from every subscription's log (the API has no filter by deployment). */
async function deliveriesOf(hangar: ReturnType<typeof useHangar>, id: string): Promise<Delivery[]> {
  const subscriptions = unwrap(await hangar.api.GET("/v1/webhooks")).data;
  const logs = await Promise.all(
    subscriptions.map(async (s) =>
      unwrap(
        await hangar.api.GET("/v1/webhooks/{id}/deliveries", {
          params: { path: { id: s.id }, query: { limit: 100 } },
        }),
      ).data.map((d) => ({ ...d, subscriptionId: s.id, url: s.url })),
    ),
  );
  return logs
    .flat()
    .filter((d) => d.deploymentId === id)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function DeploymentPage({ id }: { id: string }) {
  const deployment = useLoad(
    async (h) => unwrap(await h.api.GET("/v1/deployments/{id}", { params: { path: { id } } })),
    [id],
    REFRESH_MS,
  );
  const d = deployment.data;
  const version = d?.version;
  const events = useLoad(
    async (h) => unwrap(await h.api.GET("/v1/deployments/{id}/events", { params: { path: { id } } })).data,
    [id, version],
    undefined,
    Boolean(d),
  );
  const cost = useLoad(
    async (h) => unwrap(await h.api.GET("/v1/deployments/{id}/cost", { params: { path: { id } } })),
    [id, version],
    5000,
    Boolean(d),
  );
  const deliveries = useLoad((h) => deliveriesOf(h, d?.id ?? id), [id, version], undefined, Boolean(d));

  if (!d) {
    return (
      <section>
        <p className="crumbs">
          <a href={href("deployments")}>Deployments</a> /
        </p>
        <ErrorText error={deployment.error} />
        {!deployment.error && <Loading what="the deployment" />}
      </section>
    );
  }

  return (
    <section aria-labelledby="deployment-title" className="deployment">
      <p className="crumbs">
        <a href={href("deployments")}>Deployments</a> /
      </p>
      <div className="page-head">
        <h1 id="deployment-title">
          {d.name} <StateBadge state={d.state} />
        </h1>
        <Actions deployment={d} onChange={deployment.reload} />
      </div>
      <ErrorText error={deployment.error} />
      <dl className="facts">
        <div>
          <dt>Provider</dt>
          <dd>{d.provider}</dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd className="mono">{d.model.source}</dd>
        </div>
        <div>
          <dt>Hardware</dt>
          <dd className="mono">{d.hardware}</dd>
        </div>
        <div>
          <dt>Replicas</dt>
          <dd>
            {d.autoscaling.minReplicas}–{d.autoscaling.maxReplicas}
          </dd>
        </div>
        <div>
          <dt>Price</dt>
          <dd>{d.price ? `${usd(d.price.pricePerHour)} per replica-hour (${d.price.priceSource})` : "—"}</dd>
        </div>
        <div>
          <dt>Last activity</dt>
          <dd>{d.lastActivityAt ? relative(d.lastActivityAt) : "none yet"}</dd>
        </div>
        {d.stopReason && (
          <div>
            <dt>Stopped because</dt>
            <dd>{d.stopReason}</dd>
          </div>
        )}
        {d.heldUntil && (
          <div>
            <dt>Held up until</dt>
            <dd>{dateTime(d.heldUntil)}</dd>
          </div>
        )}
      </dl>
      {d.lastError && (
        <p className="error" role="alert">
          {d.lastError.message} ({d.lastError.code})
        </p>
      )}
      {d.warnings.map((w) => (
        <p key={w.code} className="warning">
          {w.message}
        </p>
      ))}

      <div className="overview">
        <section className="card" aria-labelledby="cost-title">
          <h2 id="cost-title">Cost and savings this month</h2>
          <ErrorText error={cost.error} />
          {cost.data ? <CostPanel cost={cost.data} /> : <Loading what="cost" />}
        </section>
        <div>
          <section className="card" aria-labelledby="next-title">
            <h2 id="next-title">Next actions</h2>
            {d.nextActions.length ? (
              <ul className="next-actions">
                {d.nextActions.map((a) => (
                  <li key={`${a.action}-${a.at}`}>
                    <strong>{a.action}</strong> {relative(a.at)} <span className="muted">({a.reason})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Nothing planned: no idle stop, schedule or long-stop delete is due.</p>
            )}
          </section>
          {d.upload && <Upload upload={d.upload} />}
          <section className="card" aria-labelledby="chat-title">
            <h2 id="chat-title">Test chat</h2>
            <Chat model={d.name} ready={d.state === "ready"} />
          </section>
        </div>
      </div>

      <section aria-labelledby="policies-title">
        <h2 id="policies-title">Policies</h2>
        <Policies deployment={d} onChange={deployment.reload} />
      </section>

      <div className="columns two">
        <section className="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">Timeline</h2>
          <ErrorText error={events.error} />
          {events.data && <Timeline events={events.data} />}
        </section>
        <section className="card" aria-labelledby="deliveries-title">
          <h2 id="deliveries-title">Webhook deliveries</h2>
          <ErrorText error={deliveries.error} />
          {deliveries.data && (
            <Deliveries
              deliveries={deliveries.data}
              onChange={deliveries.reload}
              label="Webhook deliveries"
            />
          )}
        </section>
      </div>
    </section>
  );
}
