import type { components, Deployment } from "@hangar/sdk";
import { type FormEvent, useEffect, useState } from "react";
import { unwrap, useAction, useHangar, useLoad } from "../api";
import { NumberField, optionalNumber } from "../components/number-field";
import { ScheduleFields, scheduleForm, toSchedule } from "../components/schedule-fields";
import { ErrorText } from "../components/status";
import { usd } from "../format";
import { go, href } from "../route";

type Estimate = components["schemas"]["CostEstimate"];
type Provider = Deployment["provider"];

/**
 * The hardware list narrows to a model of the provider's own catalogue; weights Hangar uploads
 * (hf://, s3://, https://) can go on any of its hardware, so those ask for the whole list.
 */
const catalogueModel = (source: string) => (source.includes("://") ? "" : source);

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Provider → model → hardware from the live list with prices → scaling and policies, then the
 * estimate; "Create" stays disabled until the estimate shown is the one for the form as it is.
 */
export function CreateDeployment() {
  const hangar = useHangar();
  const [provider, setProvider] = useState<Provider>("together");
  const [source, setSource] = useState("");
  const [name, setName] = useState("");
  const [hardware, setHardware] = useState("");
  const [minReplicas, setMin] = useState("1");
  const [maxReplicas, setMax] = useState("1");
  const [idleTimeout, setIdleTimeout] = useState("30");
  const [grace, setGrace] = useState("");
  const [warnBefore, setWarnBefore] = useState("");
  const [activeHours, setActiveHours] = useState("8");
  const [schedule, setSchedule] = useState(scheduleForm(null));
  const [estimate, setEstimate] = useState<{ for: string; value: Estimate } | null>(null);
  const model = useDebounced(catalogueModel(source.trim()), 400);

  const models = useLoad(
    async (h) => unwrap(await h.api.GET("/v1/models", { params: { query: { provider } } })).data,
    [provider],
  );
  const hardwareList = useLoad(
    async (h) =>
      unwrap(
        await h.api.GET("/v1/hardware", { params: { query: { provider, ...(model ? { model } : {}) } } }),
      ).data,
    [provider, model],
  );

  const autoscaling = { minReplicas: Number(minReplicas), maxReplicas: Number(maxReplicas) };
  const idle = optionalNumber(idleTimeout);
  const idlePolicy = {
    ...(grace ? { graceMinutes: Number(grace) } : {}),
    ...(warnBefore ? { warnBeforeMinutes: Number(warnBefore) } : {}),
  };
  const estimateBody = {
    provider,
    hardware,
    autoscaling,
    ...(schedule.enabled ? { schedule: toSchedule(schedule) } : {}),
    ...(idle !== null
      ? { idle: { idleTimeoutMinutes: idle, activeHoursPerDay: Number(activeHours || 0) } }
      : {}),
  };
  const formKey = JSON.stringify([estimateBody, source, name, idlePolicy]);
  const current = estimate?.for === formKey ? estimate.value : null;

  const estimateAction = useAction(async () => {
    const value = unwrap(await hangar.api.POST("/v1/estimates", { body: estimateBody }));
    setEstimate({ for: formKey, value });
  });
  const create = useAction(async () => {
    unwrap(
      await hangar.api.POST("/v1/deployments", {
        body: {
          provider,
          model: { source: source.trim() },
          hardware,
          autoscaling,
          idleTimeoutMinutes: idle,
          ...(Object.keys(idlePolicy).length ? { idlePolicy } : {}),
          ...(schedule.enabled ? { schedule: toSchedule(schedule) } : {}),
          ...(name.trim() ? { name: name.trim() } : {}),
        },
      }),
    );
    go("deployments");
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (current) void create.run();
    else void estimateAction.run();
  };

  return (
    <section aria-labelledby="create-title">
      <p className="crumbs">
        <a href={href("deployments")}>Deployments</a> /
      </p>
      <h1 id="create-title">New deployment</h1>
      <form className="stack" onSubmit={submit}>
        <fieldset>
          <legend>Model</legend>
          <div className="grid">
            <div className="field">
              <label htmlFor="provider">Provider</label>
              <select
                id="provider"
                value={provider}
                onChange={(e) => {
                  setProvider(e.target.value as Provider);
                  setHardware("");
                }}
              >
                <option value="together">Together</option>
                <option value="fireworks">Fireworks</option>
              </select>
            </div>
            <div className="field wide">
              <label htmlFor="source">Model source</label>
              <input
                id="source"
                list="model-suggestions"
                required
                placeholder="hf://Qwen/Qwen2.5-0.5B-Instruct"
                value={source}
                onChange={(e) => setSource(e.target.value)}
                aria-describedby="source-hint"
              />
              <small id="source-hint" className="muted">
                <code>hf://org/repo[@revision]</code>, <code>s3://bucket/prefix</code>, or one of the
                provider's models.
              </small>
              <datalist id="model-suggestions">
                {models.data?.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.displayName ?? m.id}
                  </option>
                ))}
              </datalist>
            </div>
            <div className="field">
              <label htmlFor="name">Name</label>
              <input
                id="name"
                pattern="[a-zA-Z0-9][\w.\-]{0,62}"
                placeholder="support-bot"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
          </div>
        </fieldset>

        <fieldset>
          <legend>Hardware</legend>
          <ErrorText error={hardwareList.error} />
          {hardwareList.data?.length === 0 && <p className="muted">No hardware listed for this model.</p>}
          <div className="choices" role="radiogroup" aria-label="Hardware">
            {hardwareList.data?.map((h) => (
              <label key={h.id} className={`choice${hardware === h.id ? " chosen" : ""}`}>
                <input
                  type="radio"
                  name="hardware"
                  value={h.id}
                  required
                  checked={hardware === h.id}
                  onChange={() => setHardware(h.id)}
                />
                <span className="mono">
                  {h.id}
                  {h.aliases?.length ? <small className="aka">also {h.aliases.join(", ")}</small> : null}
                </span>
                <span>
                  {h.gpu.count}× {h.gpu.type} {h.gpu.memoryGb} GB
                </span>
                <span className="price">{usd(h.pricePerHour)}/h</span>
                <span className={`availability ${h.availability}`}>{h.availability}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>Autoscaling</legend>
          <div className="grid">
            <NumberField
              id="min"
              label="Min replicas"
              min={0}
              max={64}
              value={minReplicas}
              onChange={setMin}
            />
            <NumberField
              id="max"
              label="Max replicas"
              min={1}
              max={64}
              value={maxReplicas}
              onChange={setMax}
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>Idle policy</legend>
          <div className="grid">
            <NumberField
              id="idle"
              label="Stop after idle (minutes)"
              min={1}
              value={idleTimeout}
              onChange={setIdleTimeout}
              hint="Empty: never."
            />
            <NumberField
              id="grace"
              label="Grace after a start (minutes)"
              min={0}
              value={grace}
              onChange={setGrace}
            />
            <NumberField
              id="warn"
              label="Warn before stopping (minutes)"
              min={1}
              value={warnBefore}
              onChange={setWarnBefore}
            />
            <NumberField
              id="active-hours"
              label="Busy hours a day (for the estimate)"
              min={0}
              max={24}
              step="any"
              value={activeHours}
              onChange={setActiveHours}
            />
          </div>
        </fieldset>

        <ScheduleFields id="create-schedule" value={schedule} onChange={setSchedule} />

        <section className="estimate card" aria-labelledby="estimate-title" aria-live="polite">
          <h2 id="estimate-title">Estimate</h2>
          {current ? (
            <dl className="figures">
              <div>
                <dt>Always on</dt>
                <dd>{usd(current.alwaysOn.monthlyUsd)} / month</dd>
              </div>
              <div>
                <dt>With these policies</dt>
                <dd>{current.withPolicy ? `${usd(current.withPolicy.monthlyUsd)} / month` : "—"}</dd>
              </div>
              <div>
                <dt>Savings</dt>
                <dd>
                  {current.savings
                    ? `${usd(current.savings.monthlyUsd)} / month (${current.savings.percent.toFixed(0)} %)`
                    : "—"}
                </dd>
              </div>
              <div>
                <dt>Price</dt>
                <dd>
                  {usd(current.price.pricePerHour)} per replica-hour ({current.price.priceSource}
                  {current.price.priceAsOf ? `, ${current.price.priceAsOf.slice(0, 10)}` : ""})
                </dd>
              </div>
            </dl>
          ) : (
            <p className="muted">Get the estimate for these choices before creating the deployment.</p>
          )}
          <ErrorText error={estimateAction.error ?? create.error} />
          <div className="actions">
            <button
              type="button"
              className={current ? "secondary" : undefined}
              disabled={!hardware || estimateAction.pending}
              onClick={() => void estimateAction.run()}
            >
              Estimate cost
            </button>
            <button type="submit" disabled={!current || create.pending}>
              {create.pending ? "Creating…" : "Create deployment"}
            </button>
          </div>
        </section>
      </form>
    </section>
  );
}
