import type { Autoscaling, EndpointStatus, Provider, UploadStatus } from "../../provider";
import type { Row } from "../row";
import type { Change } from "../write";

export type Step = Omit<Change, "guard">;

/** What a phase may do besides calling the provider: keep its lease (and record progress) during long work. */
export type StepContext = { heartbeat(set?: Partial<Row>): Promise<void> };

export type Phase = (row: Row, p: Provider, ctx: StepContext) => Promise<Step>;

/** The endpoint's display name at the provider: how a retried step finds what it created. */
export const displayName = (row: Row, hardware?: string) =>
  hardware ? `hangar-${row.id}-${hardware}` : `hangar-${row.id}`;

export const endpointFields = (ep: EndpointStatus): Partial<Row> => ({
  endpointId: ep.id,
  endpointName: ep.name,
  endpointState: ep.raw,
  observed: {
    state: ep.state,
    raw: ep.raw,
    autoscaling: ep.autoscaling,
    hardware: ep.hardware,
    readyReplicas: ep.readyReplicas,
    region: ep.region,
    at: new Date().toISOString(),
  },
});

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
export const settled = ["lastError"] as const;
