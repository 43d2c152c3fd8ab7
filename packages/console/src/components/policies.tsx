import type { Deployment } from "@hangar/sdk";
import { HangarError } from "@hangar/sdk";
import { type FormEvent, type ReactNode, useState } from "react";
import { unwrap, useAction, useHangar, useLoad } from "../api";
import { dateTime, relative, usd } from "../format";
import { NumberField, optionalNumber } from "./number-field";
import { ScheduleFields, scheduleForm, toSchedule } from "./schedule-fields";
import { ErrorText } from "./status";

type Props = { deployment: Deployment; onChange: () => void };

/** One policy's form: its own save button, error and confirmation. */
function PolicyForm(props: {
  title: string;
  save: () => Promise<unknown>;
  onChange: () => void;
  children: ReactNode;
  button?: string;
}) {
  const [saved, setSaved] = useState(false);
  const action = useAction(props.save);
  const id = `policy-${props.title.toLowerCase().replace(/\W+/g, "-")}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (await action.run()) {
      setSaved(true);
      props.onChange();
    }
  };
  return (
    <form className="card policy" onSubmit={submit} aria-labelledby={id}>
      <h3 id={id}>{props.title}</h3>
      {props.children}
      <ErrorText error={action.error} />
      <div className="actions">
        <button type="submit" disabled={action.pending}>
          {props.button ?? `Save ${props.title.toLowerCase()}`}
        </button>
        {saved && (
          <span className="ok" role="status">
            Saved
          </span>
        )}
      </div>
    </form>
  );
}

function Scaling({ deployment, onChange }: Props) {
  const hangar = useHangar();
  const [min, setMin] = useState(String(deployment.desired.autoscaling.minReplicas));
  const [max, setMax] = useState(String(deployment.desired.autoscaling.maxReplicas));
  return (
    <PolicyForm
      title="Scaling"
      onChange={onChange}
      save={async () =>
        unwrap(
          await hangar.api.PATCH("/v1/deployments/{id}", {
            params: { path: { id: deployment.id } },
            body: { autoscaling: { minReplicas: Number(min), maxReplicas: Number(max) } },
          }),
        )
      }
    >
      <div className="grid">
        <NumberField id="scale-min" label="Min replicas" min={0} max={64} value={min} onChange={setMin} />
        <NumberField id="scale-max" label="Max replicas" min={1} max={64} value={max} onChange={setMax} />
      </div>
    </PolicyForm>
  );
}

function Idle({ deployment, onChange }: Props) {
  const hangar = useHangar();
  const text = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
  const [timeout, setTimeoutMinutes] = useState(text(deployment.idleTimeoutMinutes));
  const [grace, setGrace] = useState(text(deployment.idlePolicy.graceMinutes));
  const [warn, setWarn] = useState(text(deployment.idlePolicy.warnBeforeMinutes));
  const [deleteAfter, setDeleteAfter] = useState(text(deployment.idlePolicy.deleteAfterStoppedDays));
  return (
    <PolicyForm
      title="Idle policy"
      onChange={onChange}
      save={async () => {
        const idlePolicy = Object.fromEntries(
          Object.entries({
            graceMinutes: grace,
            warnBeforeMinutes: warn,
            deleteAfterStoppedDays: deleteAfter,
          })
            .filter(([, v]) => v.trim() !== "")
            .map(([k, v]) => [k, Number(v)]),
        );
        return unwrap(
          await hangar.api.PATCH("/v1/deployments/{id}", {
            params: { path: { id: deployment.id } },
            body: { idleTimeoutMinutes: optionalNumber(timeout), idlePolicy },
          }),
        );
      }}
    >
      <div className="grid">
        <NumberField
          id="idle-timeout"
          label="Stop after idle (minutes)"
          min={1}
          value={timeout}
          onChange={setTimeoutMinutes}
          hint="Empty: never."
        />
        <NumberField
          id="idle-grace"
          label="Grace after a start (minutes)"
          min={0}
          value={grace}
          onChange={setGrace}
        />
        <NumberField id="idle-warn" label="Warn before (minutes)" min={1} value={warn} onChange={setWarn} />
        <NumberField
          id="idle-delete"
          label="Delete after stopped (days)"
          min={1}
          value={deleteAfter}
          onChange={setDeleteAfter}
        />
      </div>
    </PolicyForm>
  );
}

function Schedule({ deployment, onChange }: Props) {
  const hangar = useHangar();
  const [form, setForm] = useState(scheduleForm(deployment.schedule));
  return (
    <PolicyForm
      title="Schedule"
      onChange={onChange}
      save={async () =>
        unwrap(
          await hangar.api.PATCH("/v1/deployments/{id}", {
            params: { path: { id: deployment.id } },
            body: { schedule: toSchedule(form) },
          }),
        )
      }
    >
      <ScheduleFields id="edit-schedule" legend="Weekly window" value={form} onChange={setForm} />
    </PolicyForm>
  );
}

function Leases({ deployment, onChange }: Props) {
  const hangar = useHangar();
  const leases = useLoad(
    async (h) =>
      unwrap(await h.api.GET("/v1/deployments/{id}/leases", { params: { path: { id: deployment.id } } }))
        .data,
    [deployment.id, deployment.heldUntil],
  );
  const [minutes, setMinutes] = useState("120");
  const [reason, setReason] = useState("");
  const release = useAction(async (leaseId: string) => {
    unwrap(
      await hangar.api.DELETE("/v1/deployments/{id}/leases/{leaseId}", {
        params: { path: { id: deployment.id, leaseId } },
      }),
    );
    leases.reload();
    onChange();
  });
  return (
    <PolicyForm
      title="Leases"
      button="Add lease"
      onChange={() => {
        setReason("");
        leases.reload();
        onChange();
      }}
      save={async () =>
        unwrap(
          await hangar.api.POST("/v1/deployments/{id}/leases", {
            params: { path: { id: deployment.id } },
            body: { durationMinutes: Number(minutes), reason },
          }),
        )
      }
    >
      <p className="muted small">A lease keeps it up: no idle or scheduled stop until it ends.</p>
      {leases.data && leases.data.length > 0 && (
        <ul className="leases">
          {leases.data.map((l) => (
            <li key={l.id}>
              <span>
                Until {dateTime(l.until)} ({relative(l.until)}): {l.reason}
              </span>
              <button
                type="button"
                className="secondary small"
                onClick={() => void release.run(l.id)}
                aria-label={`Release lease ${l.reason}`}
              >
                Release
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorText error={leases.error ?? release.error} />
      <div className="grid">
        <NumberField
          id="lease-minutes"
          label="For (minutes)"
          min={1}
          value={minutes}
          onChange={setMinutes}
          required
        />
        <div className="field wide">
          <label htmlFor="lease-reason">Reason</label>
          <input id="lease-reason" required value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      </div>
    </PolicyForm>
  );
}

function Budget({ deployment, onChange }: Props) {
  const hangar = useHangar();
  const [soft, setSoft] = useState("");
  const [hard, setHard] = useState("");
  const budget = useLoad(
    async (h) => {
      const result = await h.api.GET("/v1/deployments/{id}/budget", {
        params: { path: { id: deployment.id } },
      });
      if (result.response.status === 404) return null;
      const value = unwrap(result);
      setSoft(value.softLimitUsd === null ? "" : String(value.softLimitUsd));
      setHard(value.hardLimitUsd === null ? "" : String(value.hardLimitUsd));
      return value;
    },
    [deployment.id],
  );
  return (
    <PolicyForm
      title="Monthly budget"
      onChange={() => {
        budget.reload();
        onChange();
      }}
      save={async () => {
        const result = await hangar.api.PUT("/v1/deployments/{id}/budget", {
          params: { path: { id: deployment.id } },
          body: { softLimitUsd: optionalNumber(soft), hardLimitUsd: optionalNumber(hard) },
        });
        if (result.error) throw HangarError.from(result.response.status, result.error);
      }}
    >
      {budget.data && (
        <p className="small">
          Spent {usd(budget.data.spentUsd)} this month:{" "}
          <span className={`badge budget-${budget.data.status}`}>{budget.data.status}</span>
        </p>
      )}
      <ErrorText error={budget.error} />
      <div className="grid">
        <NumberField
          id="budget-soft"
          label="Warn at (USD)"
          min={0}
          step="any"
          value={soft}
          onChange={setSoft}
          hint="Fires budget.warning."
        />
        <NumberField
          id="budget-hard"
          label="Stop at (USD)"
          min={0}
          step="any"
          value={hard}
          onChange={setHard}
          hint="Stops the deployment."
        />
      </div>
    </PolicyForm>
  );
}

/** Each policy saved on its own; fields start from the deployment as first loaded and keep what is typed across refreshes. */
export function Policies(props: Props) {
  return (
    <div className="policies">
      <Idle {...props} />
      <Schedule {...props} />
      <Leases {...props} />
      <Budget {...props} />
      <Scaling {...props} />
    </div>
  );
}
