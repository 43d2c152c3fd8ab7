import type { components } from "@hangar/sdk";
import { dateTime } from "../format";
import { StateBadge } from "./state-badge";

type Event = components["schemas"]["DeploymentEvent"];

/** Who moved the state (the provider: its own stop or deletion, drift), or an entry of the provider's feed. */
const source = (e: Event) =>
  e.kind === "provider" || e.reason?.startsWith("provider") ? "provider" : "hangar";

export function Timeline({ events }: { events: Event[] }) {
  if (events.length === 0) return <p className="muted">No events yet.</p>;
  return (
    <ol className="timeline">
      {[...events].reverse().map((e) => (
        <li key={e.id} className={`source-${source(e)}`}>
          <time dateTime={e.at}>{dateTime(e.at)}</time>
          <span className="move">
            {e.from && (
              <>
                <StateBadge state={e.from} /> <span aria-hidden="true">→</span>
                <span className="visually-hidden">to</span>{" "}
              </>
            )}
            {e.to ? <StateBadge state={e.to} /> : <code>{e.type}</code>}
          </span>
          <span className="who">{source(e) === "provider" ? "Provider" : "Hangar"}</span>
          {(e.reason || e.message) && (
            <span className="why">{[e.reason, e.message].filter(Boolean).join(" — ")}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
