import * as z from "zod";

/**
 * Every event Hangar delivers, with the schema of its `data`. State events fire on a
 * deployment's state changes (data: the deployment right after the change, whose schema the
 * deployment domain owns and the caller of `payloadSchema` passes in); notices are emitted with
 * `emit()` and are not state changes.
 */
export const stateEventTypes = [
  "deployment.ready",
  "deployment.failed",
  "deployment.stopped",
  "deployment.started",
  "deployment.updated",
  "deployment.deleted",
  "deployment.waking",
  "deployment.migrated",
  "deployment.migration_failed",
] as const;
export type StateEventType = (typeof stateEventTypes)[number];

export const noticeTypes = [
  "deployment.idle_warning",
  "deployment.idle_unknown",
  "deployment.stop_unconfirmed",
  "deployment.delete_unconfirmed",
  "budget.warning",
  "budget.exceeded",
  "webhook.disabled",
] as const;
export type NoticeType = (typeof noticeTypes)[number];

export const eventTypes = [...stateEventTypes, ...noticeTypes] as const;
export type EventType = (typeof eventTypes)[number];
export const EventType = z.enum(eventTypes);

const usd = z.number().meta({ description: "US dollars." });

const IdleWarning = z
  .looseObject({
    deploymentId: z.string(),
    idleAt: z.string().meta({ description: "When the deployment stops unless it sees activity." }),
    idleTimeoutMinutes: z.number().int(),
    lastActivityAt: z.string().nullable(),
  })
  .meta({ id: "IdleWarningData" });

const IdleUnknown = z
  .looseObject({
    deploymentId: z.string(),
    idleAt: z.string().meta({ description: "When the deployment would have been stopped for inactivity." }),
    lastActivityAt: z.string().nullable(),
    provider: z.string(),
    lastReadAt: z
      .string()
      .nullable()
      .meta({ description: "The provider's last good activity read for the account; null if none yet." }),
    reason: z.string(),
  })
  .meta({ id: "IdleUnknownData" });
const Unconfirmed = z
  .looseObject({
    deploymentId: z.string(),
    action: z.enum(["stop", "delete"]),
    since: z.string().meta({ description: "When Hangar first asked the provider." }),
    boundMinutes: z.number().meta({ description: "How long Hangar waited for the provider to confirm." }),
    observed: z.object({
      state: z.string().meta({ description: "What the provider reported, in Hangar's terms." }),
      raw: z.string().meta({ description: "The provider's own state." }),
      readyReplicas: z.number().int().nullable(),
    }),
    message: z.string(),
  })
  .meta({ id: "UnconfirmedData" });

const Budget = z
  .looseObject({
    deploymentId: z.string().nullable().meta({ description: "Null for a tenant-wide budget." }),
    limitUsd: usd,
    spentUsd: usd,
    periodStart: z.string(),
  })
  .meta({ id: "BudgetData" });

const Disabled = z
  .object({
    subscriptionId: z.string(),
    url: z.string(),
    failingSince: z.string(),
    disabledAt: z.string(),
    reason: z.string(),
  })
  .meta({ id: "WebhookDisabledData" });

/** Deployment-scoped events carry a per-deployment `sequence`; tenant-scoped ones carry null. */
export type Scope = "deployment" | "tenant" | "deployment_or_tenant";

type Entry = { summary: string; scope: Scope; data: z.ZodType };
type StateEntry = { summary: string; scope: "deployment" };

const state = (summary: string): StateEntry => ({ summary, scope: "deployment" });

export const catalogue: Record<StateEventType, StateEntry> & Record<NoticeType, Entry> = {
  "deployment.ready": state("The deployment serves for the first time (or again after a failure)."),
  "deployment.failed": state("The deployment failed; `data.lastError` says why."),
  "deployment.stopped": state("The deployment stopped; `data.stopReason` says why (manual, idle, provider)."),
  "deployment.started": state("A stopped deployment serves again."),
  "deployment.updated": state("A change (autoscaling, hardware) is in effect."),
  "deployment.deleted": state("The deployment and its provider endpoint are gone."),
  "deployment.waking": state(
    "A request reached the stopped deployment (wakeOnRequest): Hangar is starting it; `deployment.started` follows.",
  ),
  "deployment.migrated": state(
    "The proxy now sends the deployment's traffic to its endpoint on the provider's newer API (Together v2); `data.migratedFrom.endpointName` is the old provider endpoint name, `data.endpoint.name` the new one. The old endpoint is deleted once requests in flight on it have finished.",
  ),
  "deployment.migration_failed": state(
    "A migration failed before the switch; the deployment keeps serving on its old endpoint and `data.lastError` says why.",
  ),
  "deployment.idle_warning": {
    summary: "The deployment will be stopped for inactivity soon.",
    scope: "deployment",
    data: IdleWarning,
  },
  "deployment.idle_unknown": {
    summary:
      "An idle stop is held back because the provider's own activity measurements can't be read (failing or rate-limited metrics): nothing is stopped on missing data. Sent once per outage.",
    scope: "deployment",
    data: IdleUnknown,
  },
  "deployment.stop_unconfirmed": {
    summary:
      "The provider still reports the endpoint running (or with replicas) after a stop, past the confirm bound, or a stopped endpoint runs again: Hangar asked again and keeps billing it until confirmed.",
    scope: "deployment",
    data: Unconfirmed,
  },
  "deployment.delete_unconfirmed": {
    summary:
      "The provider still lists the endpoint past the confirm bound after a delete: Hangar keeps deleting it and keeps the deployment deleting until it is gone.",
    scope: "deployment",
    data: Unconfirmed,
  },
  "budget.warning": {
    summary: "Spending crossed the warning threshold of a budget.",
    scope: "deployment_or_tenant",
    data: Budget,
  },
  "budget.exceeded": {
    summary: "Spending exceeded a budget.",
    scope: "deployment_or_tenant",
    data: Budget,
  },
  "webhook.disabled": {
    summary:
      "A subscription was disabled after its deliveries kept failing; sent to the tenant's other subscriptions.",
    scope: "tenant",
    data: Disabled,
  },
};

/** The body of every delivery; `data` depends on `type` (`deployment`: the deployment's public shape). */
export function payloadSchema(type: EventType, deployment: z.ZodType) {
  const entry: { scope: Scope; data?: z.ZodType } = catalogue[type];
  const sequence =
    entry.scope === "tenant"
      ? z.null().meta({ description: "Tenant-level notices have no sequence." })
      : z.number().int().nullable().meta({
          description:
            "Per deployment, strictly increasing (gaps are normal): order and de-duplicate by it. Null when the event is not about a deployment.",
        });
  return z.object({
    type: z.literal(type),
    timestamp: z.string().meta({ description: "When the event happened (ISO 8601)." }),
    sequence,
    data: entry.data ?? deployment,
  });
}

export type Payload = { type: EventType; timestamp: string; sequence: number | null; data: unknown };
