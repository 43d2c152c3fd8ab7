import type { components } from "@hangar/sdk";
import { type FormEvent, useState } from "react";
import { unwrap, useAction, useHangar, useLoad } from "../api";
import { ConfirmButton } from "../components/confirm-button";
import { Deliveries } from "../components/deliveries";
import { ScrollRegion } from "../components/scroll-region";
import { ErrorText, Loading } from "../components/status";
import { dateTime } from "../format";

type Subscription = components["schemas"]["WebhookSubscription"];

/** A secret is shown once, when it is made: copy it now. */
function Secret({ secret }: { secret: { id: string; value: string } | null }) {
  if (!secret) return null;
  return (
    <div className="card notice" role="status">
      <p>
        New signing secret for <span className="mono">{secret.id}</span>. It is shown only now:
      </p>
      <output className="mono secret">{secret.value}</output>
    </div>
  );
}

function Log({ subscription }: { subscription: Subscription }) {
  const log = useLoad(
    async (h) =>
      unwrap(
        await h.api.GET("/v1/webhooks/{id}/deliveries", {
          params: { path: { id: subscription.id }, query: { limit: 50 } },
        }),
      ).data.map((d) => ({ ...d, subscriptionId: subscription.id })),
    [subscription.id],
    5000,
  );
  return (
    <section className="card" aria-labelledby="log-title">
      <h2 id="log-title">
        Deliveries to <span className="mono">{subscription.url}</span>
      </h2>
      <ErrorText error={log.error} />
      {log.data ? (
        <Deliveries deliveries={log.data} onChange={log.reload} label="Delivery log" />
      ) : (
        <Loading what="deliveries" />
      )}
    </section>
  );
}

/** Subscriptions, their delivery logs, redeliver and secret rotation. */
export function Webhooks() {
  const hangar = useHangar();
  const list = useLoad(async (h) => unwrap(await h.api.GET("/v1/webhooks")).data, [], 10_000);
  const [selected, setSelected] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ id: string; value: string } | null>(null);
  const [url, setUrl] = useState("");
  const add = useAction(async () => {
    const created = unwrap(await hangar.api.POST("/v1/webhooks", { body: { url } }));
    setSecret({ id: created.id, value: created.secret });
    setUrl("");
    list.reload();
  });
  const rotate = useAction(async (id: string) => {
    const rotated = unwrap(
      await hangar.api.POST("/v1/webhooks/{id}/rotate-secret", { params: { path: { id } }, body: {} }),
    );
    setSecret({ id, value: rotated.secret });
    list.reload();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.run();
  };
  const chosen = list.data?.find((s) => s.id === selected) ?? list.data?.[0];

  return (
    <section aria-labelledby="webhooks-title">
      <div className="page-head">
        <h1 id="webhooks-title">Webhooks</h1>
      </div>
      <form className="filters" onSubmit={submit}>
        <div className="field wide">
          <label htmlFor="webhook-url">Endpoint URL</label>
          <input
            id="webhook-url"
            type="url"
            required
            placeholder="https://example.com/hooks/hangar"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </div>
        <button type="submit" disabled={add.pending}>
          Add subscription
        </button>
      </form>
      <ErrorText error={add.error ?? rotate.error ?? list.error} />
      <Secret secret={secret} />
      {!list.data && !list.error && <Loading what="subscriptions" />}
      {list.data?.length === 0 && <p className="empty">No subscriptions yet.</p>}
      {list.data && list.data.length > 0 && (
        <ScrollRegion aria-label="Subscriptions">
          <table>
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Events</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((s) => (
                <tr key={s.id} aria-selected={chosen?.id === s.id}>
                  <th scope="row" className="mono clip">
                    {s.url}
                  </th>
                  <td className="wrap">{s.events.length ? s.events.join(", ") : "every event"}</td>
                  <td className="wrap">
                    <span className={`badge webhook-${s.status}`}>{s.status}</span>
                    {s.failingSince && (
                      <span className="small muted failing">failing since {dateTime(s.failingSince)}</span>
                    )}
                  </td>
                  <td>{dateTime(s.createdAt)}</td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="secondary small"
                        aria-pressed={chosen?.id === s.id}
                        onClick={() => setSelected(s.id)}
                        aria-label={`Show deliveries to ${s.url}`}
                      >
                        Deliveries
                      </button>
                      <ConfirmButton
                        label="Rotate secret"
                        title="Rotate the signing secret?"
                        small
                        confirmLabel="Rotate secret"
                        onConfirm={() => void rotate.run(s.id)}
                      >
                        <p>
                          A new secret signs every delivery from now on; the old one also signs them for 24
                          hours, so your receiver can switch over.
                        </p>
                      </ConfirmButton>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {chosen && <Log key={chosen.id} subscription={chosen} />}
    </section>
  );
}
