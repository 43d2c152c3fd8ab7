import { Config } from "../config";
import type { Price } from "../hardware/price";
import type {
  ApiVersion,
  Autoscaling,
  EndpointState,
  ModelSpec,
  Progress,
  ProgressPhase,
  ProviderName,
} from "../provider";
import { inferenceUrl } from "../provider/lookup";
import type { Info } from "./info";
import { applies, upcoming } from "./policy";
import type { Schedule } from "./schedule-input";
import { type Intent, intentOf, type State } from "./states";

/** A deployment as stored. Index attributes and step bookkeeping stay inside core. */
export type Row = {
  pk: string;
  sk: "META";
  type: "deployment";
  id: string;
  tenantId: string;
  name: string;
  provider: ProviderName;
  state: State;
  model: Omit<ModelSpec, "hfToken"> & { baseDeploymentId?: string };
  /** Kept only until the upload has started, then removed. */
  hfToken?: string;
  /** The hardware the endpoint runs on (observed), which cost is counted on. */
  hardware: string;
  /** The autoscaling the endpoint runs with (observed once it serves), which cost is counted on. */
  autoscaling: Autoscaling;
  /** What was last asked for; the worker converges the provider to it. See `desiredOf`. */
  desired?: Desired;
  /** What the provider last reported of the endpoint. */
  observed?: Observed;
  /**
   * In a provisioning or start: the rollout phase the provider reports, since it was first seen
   * (pace.ts). Tagged with the state it was seen in: a request can move the state without a step.
   */
  phase?: { state: State; name: ProgressPhase; at: string };
  idleTimeoutMinutes: number | null;
  /** The hardware's price when the deployment was created, so its cost history keeps it. */
  price?: Price;
  /** No idle stop this soon after becoming ready. */
  idleGraceMinutes?: number;
  /** `deployment.idle_warning` this long before an idle stop. */
  idleWarnMinutes?: number;
  /** The idle deadline a warning was already sent for. */
  idleWarnedFor?: string;
  /** Second stage: delete a deployment left stopped this long (and its uploaded model, with deleteModel). */
  deleteAfterStoppedDays?: number;
  deleteModel?: boolean;
  schedule?: Schedule;
  /** The last schedule edge handled; edges after it are still to come. */
  scheduleCursor?: string;
  /** Leases hold the deployment up (no idle or scheduled stop) until this instant. */
  heldUntil?: string;
  precision?: string;
  scaleToZeroMinutes?: number;
  allowAdapters?: boolean;
  /** A request through the proxy starts it when stopped (traffic.ts). */
  wakeOnRequest?: boolean;
  /** Push uploads: every file of the source and how far it got; done files are never sent again. */
  transfer?: { files: TransferFile[] };
  uploadJobId?: string;
  uploadStatus?: string;
  modelName?: string;
  endpointId?: string;
  endpointName?: string;
  endpointState?: string;
  /** Rows written before `desired`: what an update asked for, until the provider showed it. */
  pending?: { autoscaling?: Autoscaling; hardware?: string };
  /** During a hardware change: the new endpoint, until it serves and replaces the old one. */
  replacementId?: string;
  /**
   * An endpoint that no longer serves the deployment (the one a hardware change replaced, or an
   * abandoned migration's new one), deleted in the background until the provider forgets it.
   */
  retiringId?: string;
  /** Together: the API generation the endpoint lives on. Rows without it were created on v1. */
  apiVersion?: ApiVersion;
  /** Where it was asked to run (Together v2). */
  region?: { name: string; required: boolean };
  /** A move to another API generation under way (migrate.ts): the new endpoint, until it serves. */
  migration?: Migration;
  /** Where a migrated deployment came from; its old endpoint is deleted once the drain has passed. */
  migratedFrom?: MigratedFrom;
  /** The provider's events feed: the newest `createdAt` already stored (provider-events.ts). */
  providerEventsSince?: string;
  lastError?: { code: string; message: string; at: string };
  warnings?: Warning[];
  stopReason?: string;
  /** When Hangar last asked the provider to stop, in the current stopping (older values are stale). */
  stopAskedAt?: string;
  /** A stop or delete the provider hasn't confirmed within the bound (Config.confirmSeconds). */
  unconfirmed?: Unconfirmed;
  /** The latest of the per-source activity instants below (and of rows written before them). */
  lastActivityAt?: string;
  proxyActivityAt?: string;
  heartbeatActivityAt?: string;
  providerActivityAt?: string;
  createdAt: string;
  updatedAt: string;
  stateChangedAt: string;
  version: number;
  /** The current step chain's token; every transition replaces it, so older messages go stale. */
  checkId: string;
  /** Steps taken in this state, for the backoff. */
  checks: number;
  leaseUntil?: string;
  /** The checkId of the step holding the lease: a lease binds only copies of its own job. */
  leaseFor?: string;
  tenantPk: string;
  tenantSk: string;
  checkPk?: string;
  checkAt?: string;
  policyPk?: string;
  policyAt?: string;
  /** Adapters only, while not deleted: the sparse `byBase` index of a base's adapters. */
  basePk?: string;
  baseSk?: string;
  /** Own endpoints while they serve: the sparse `serving` index activity reads go through. */
  servingPk?: string;
  servingSk?: string;
};

/** Something Hangar could not check or had to assume when it accepted the deployment. */
export type Warning = { code: string; message: string };

export type Unconfirmed = {
  action: "stop" | "delete";
  /** When the action was first asked for. */
  since: string;
  /** When it was last found unconfirmed (and asked again), and what the provider reported then. */
  at: string;
  observed: string;
  /** How many times Hangar asked again since. */
  retries: number;
};

export type Desired = {
  state: Intent;
  autoscaling: Autoscaling;
  hardware: string;
  /** The API generation asked for (a migration); absent: wherever it lives now. */
  apiVersion?: ApiVersion;
};

export type Migration = {
  to: ApiVersion;
  startedAt: string;
  /** Seconds the old endpoint keeps serving after the switch, for requests that read the row before it. */
  drainSeconds: number;
  /** Past this instant with the new endpoint not serving, the migration is abandoned. Older rows: startedAt + the default. */
  deadline?: string;
  endpointId?: string;
};

export type MigratedFrom = {
  apiVersion: ApiVersion;
  endpointId: string;
  endpointName: string;
  /** When the proxy switched to the new endpoint. */
  at: string;
  /** The old endpoint is deleted from then on. */
  drainUntil: string;
  deletedAt?: string;
};
export type Observed = {
  state: EndpointState;
  raw: string;
  autoscaling?: Autoscaling;
  hardware?: string;
  /** How far the rollout got, where the provider says. */
  progress?: Progress;
  /** Replicas serving (and billed) as the provider last reported them; absent where it doesn't say. */
  readyReplicas?: number;
  region?: string;
  at: string;
};

/** The generation a deployment lives on: Together rows without one predate v2 (v1); other providers have one. */
export const apiVersionOf = (row: Pick<Row, "provider" | "apiVersion">): ApiVersion | undefined =>
  row.provider === "together" ? (row.apiVersion ?? "v1") : undefined;

/** The desired side, also for rows stored before it existed (their state and pending update). */
export function desiredOf(row: Row): Desired {
  return (
    row.desired ?? {
      state: intentOf(row.state) ?? "running",
      autoscaling: row.pending?.autoscaling ?? row.autoscaling,
      hardware: row.pending?.hardware ?? row.hardware,
    }
  );
}

export type TransferFile = { path: string; size: number; sent: number; done: boolean };

export { key, tenantPk } from "./keys";

export function toInfo(row: Row): Info {
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    state: row.state,
    model: row.model,
    hardware: row.hardware,
    autoscaling: row.autoscaling,
    desired: desiredOf(row),
    observed: row.observed
      ? {
          state: row.observed.state,
          raw: row.observed.raw,
          autoscaling: row.observed.autoscaling ?? null,
          hardware: row.observed.hardware ?? null,
          readyReplicas: row.observed.readyReplicas ?? null,
          region: row.observed.region ?? null,
          at: row.observed.at,
        }
      : null,
    idleTimeoutMinutes: row.idleTimeoutMinutes,
    price: row.price ?? null,
    idlePolicy: {
      graceMinutes: row.idleGraceMinutes ?? null,
      warnBeforeMinutes: row.idleWarnMinutes ?? null,
      deleteAfterStoppedDays: row.deleteAfterStoppedDays ?? null,
    },
    schedule: row.schedule ?? null,
    heldUntil: row.heldUntil && row.heldUntil > new Date().toISOString() ? row.heldUntil : null,
    nextActions: upcoming(row, new Date())
      .filter((a) => applies(row, a))
      .map((a) => ({ action: a.kind, at: a.at, reason: a.reason })),
    precision: row.precision ?? null,
    scaleToZero: row.scaleToZeroMinutes ? { afterIdleMinutes: row.scaleToZeroMinutes } : null,
    allowAdapters: row.allowAdapters ?? false,
    wakeOnRequest: row.wakeOnRequest ?? false,
    upload: row.transfer ? progress(row.transfer.files) : null,
    upstream: {
      uploadJobId: row.uploadJobId ?? null,
      uploadStatus: row.uploadStatus ?? null,
      modelName: row.modelName ?? null,
      endpointId: row.endpointId ?? null,
      endpointState: row.endpointState ?? null,
    },
    endpoint: row.endpointName
      ? { name: row.endpointName, url: inferenceUrl(row.provider, apiVersionOf(row)) }
      : null,
    apiVersion: apiVersionOf(row) ?? null,
    region: row.region ?? null,
    migration: row.migration
      ? {
          to: row.migration.to,
          startedAt: row.migration.startedAt,
          deadline: migrationDeadline(row.migration),
          endpointId: row.migration.endpointId ?? null,
        }
      : null,
    migratedFrom: row.migratedFrom
      ? {
          apiVersion: row.migratedFrom.apiVersion,
          endpointId: row.migratedFrom.endpointId,
          endpointName: row.migratedFrom.endpointName,
          at: row.migratedFrom.at,
          deletedAt: row.migratedFrom.deletedAt ?? null,
        }
      : null,
    lastError: row.lastError ?? null,
    warnings: row.warnings ?? [],
    stopReason: row.stopReason ?? null,
    unconfirmed: row.unconfirmed ?? null,
    lastActivityAt: row.lastActivityAt ?? null,
    activity: {
      proxy: row.proxyActivityAt ?? null,
      heartbeat: row.heartbeatActivityAt ?? null,
      provider: row.providerActivityAt ?? null,
    },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

function progress(files: TransferFile[]) {
  return {
    bytesDone: files.reduce((n, f) => n + (f.done ? f.size : f.sent), 0),
    bytesTotal: files.reduce((n, f) => n + f.size, 0),
    files: files.map((f) => ({ path: f.path, size: f.size, sent: f.done ? f.size : f.sent, done: f.done })),
  };
}

/** When a migration gives up on its new endpoint. */
export const migrationDeadline = (m: Migration) =>
  m.deadline ?? new Date(Date.parse(m.startedAt) + Config.migrationTimeoutSeconds() * 1000).toISOString();
