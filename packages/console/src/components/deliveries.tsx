import type { components } from "@hangar/sdk";
import { unwrap, useAction, useHangar } from "../api";
import { dateTime } from "../format";
import { ScrollRegion } from "./scroll-region";
import { ErrorText } from "./status";

export type Delivery = components["schemas"]["WebhookDelivery"] & { subscriptionId: string; url?: string };

const lastOutcome = (d: Delivery) =>
  d.lastResponseStatus !== null ? `HTTP ${d.lastResponseStatus}` : (d.lastError ?? "—");

/** A delivery log: what was sent, how it went, and a redeliver button on each. */
export function Deliveries({
  deliveries,
  onChange,
  label,
}: {
  deliveries: Delivery[];
  onChange: () => void;
  label: string;
}) {
  const hangar = useHangar();
  const redeliver = useAction(async (d: Delivery) => {
    unwrap(
      await hangar.api.POST("/v1/webhooks/{id}/deliveries/{eventId}/redeliver", {
        params: { path: { id: d.subscriptionId, eventId: d.eventId } },
      }),
    );
    onChange();
  });
  if (deliveries.length === 0) return <p className="muted">No deliveries yet.</p>;
  return (
    <>
      <ErrorText error={redeliver.error} />
      <ScrollRegion aria-label={label}>
        <table>
          <thead>
            <tr>
              <th scope="col">Event</th>
              {deliveries.some((d) => d.url) && <th scope="col">To</th>}
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Attempts
              </th>
              <th scope="col">Last answer</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={`${d.subscriptionId}/${d.eventId}`}>
                <th scope="row" className="mono">
                  {d.eventType}
                </th>
                {deliveries.some((x) => x.url) && <td className="mono clip">{d.url}</td>}
                <td>
                  <span className={`badge delivery-${d.status}`}>{d.status}</span>
                </td>
                <td className="num">{d.attempts}</td>
                <td>{lastOutcome(d)}</td>
                <td>{dateTime(d.createdAt)}</td>
                <td>
                  <button
                    type="button"
                    className="secondary small"
                    disabled={redeliver.pending}
                    onClick={() => void redeliver.run(d)}
                    aria-label={`Redeliver ${d.eventType} ${d.eventId}`}
                  >
                    Redeliver
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
