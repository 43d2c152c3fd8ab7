import { Config } from "../../config";
import type { Autoscaling, EndpointStatus, Provider, UploadStatus } from "../../provider";
import { Snapshots } from "../../provider/snapshot";
import { apiVersionOf, type Row } from "../row";
import type { Change } from "../write";

export type Step = Omit<Change, "guard">;

/** What a phase may do besides calling the provider: keep its lease (and record progress) during long work. */
export type StepContext = { heartbeat(set?: Partial<Row>): Promise<void> };

export type Phase = (row: Row, p: Provider, ctx: StepContext) => Promise<Step>;

/** The endpoint's display name at the provider: how a retried step finds what it created. */
export const displayName = (row: Row, hardware?: string) =>
  hardware ? `hangar-${row.id}-${hardware}` : `hangar-${row.id}`;

/**
 * `before`: what was observed until now, kept where `ep` says nothing (a list entry that carries
 * the state only, as Together v1's does).
 */
export const endpointFields = (ep: EndpointStatus, before?: Row["observed"]): Partial<Row> => ({
  endpointId: ep.id,
  endpointName: ep.name,
  endpointState: ep.raw,
  observed: {
    state: ep.state,
    raw: ep.raw,
    autoscaling: ep.autoscaling ?? before?.autoscaling,
    hardware: ep.hardware ?? before?.hardware,
    progress: ep.progress,
    readyReplicas: ep.readyReplicas,
    region: ep.region,
    at: new Date().toISOString(),
  },
});

const snapshots = new Snapshots({ tickMs: () => Config.listTickSeconds() * 1000 });

/**
 * A read while waiting for the endpoint to move: served from the account's list of this tick
 * when it shows the endpoint `unchanged`, read on its own otherwise (provider/snapshot.ts).
 */
export const look = (p: Provider, id: string, unchanged: (ep: EndpointStatus) => boolean) =>
  snapshots.read(p, id, unchanged);

export const sameScale = (a: Autoscaling | undefined, b: Autoscaling) =>
  a?.minReplicas === b.minReplicas && a?.maxReplicas === b.maxReplicas;

export const uploadFields = (u: UploadStatus): Partial<Row> => ({
  uploadJobId: u.jobId,
  uploadStatus: u.raw,
  modelName: u.modelName,
});

/** Still waiting: record what the provider said and back off a little more. */
export const wait = (row: Row, set: Partial<Row> = {}): Step => ({ set: { ...set, checks: row.checks + 1 } });

/** Move on at once: the next step has work to do now. */
export const next = (set: Partial<Row> = {}): Step => ({ set, nextCheckSeconds: 0 });

export const fail = (code: string, message: string, set: Partial<Row> = {}): Step => ({
  to: "failed",
  reason: code,
  message,
  set: { ...set, lastError: { code, message, at: new Date().toISOString() } },
});

export const missing = (p: Provider, id: string) =>
  fail("endpoint.missing", `The endpoint ${id} no longer exists at ${p.name}.`);

/** Attributes cleared once a deployment settles. */
export const settled = ["lastError", "stopAskedAt", "unconfirmed"] as const;

export async function findEarlier(row: Row, p: Provider) {
  return row.modelName
    ? p.findEndpoint({
        displayName: displayName(row),
        model: row.modelName,
        since: row.createdAt,
        apiVersion: apiVersionOf(row),
      })
    : undefined;
}

export function failed(p: Provider, ep: EndpointStatus, row: Row) {
  return fail(
    "endpoint.failed",
    `The endpoint ${ep.id} went to ${ep.raw} at ${p.name}. Check that ${row.hardware} can serve ${row.modelName ?? row.model.source} (GET /v1/hardware?provider=${p.name}&model=…), then delete and deploy again.`,
    endpointFields(ep),
  );
}
