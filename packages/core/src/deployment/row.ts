import type { Price } from "../cost/accrual";
import type { Autoscaling, ModelSpec, ProviderName } from "../provider";
import type { Info } from "./info";
import type { State } from "./states";

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
  model: Omit<ModelSpec, "hfToken">;
  /** Kept only until the upload has started, then removed. */
  hfToken?: string;
  hardware: string;
  autoscaling: Autoscaling;
  idleTimeoutMinutes: number | null;
  /** The hardware's price when the deployment was created, so its cost history keeps it. */
  price?: Price;
  uploadJobId?: string;
  uploadStatus?: string;
  modelName?: string;
  endpointId?: string;
  endpointName?: string;
  endpointState?: string;
  /** What an update asked for, until the provider shows it. */
  pending?: { autoscaling?: Autoscaling; hardware?: string };
  /** During a hardware change: the new endpoint, until it serves and replaces the old one. */
  replacementId?: string;
  lastError?: { code: string; message: string; at: string };
  stopReason?: string;
  lastActivityAt?: string;
  createdAt: string;
  updatedAt: string;
  stateChangedAt: string;
  version: number;
  /** The current step chain's token; every transition replaces it, so older messages go stale. */
  checkId: string;
  /** Steps taken in this state, for the backoff. */
  checks: number;
  leaseUntil?: string;
  tenantPk: string;
  tenantSk: string;
  checkPk?: string;
  checkAt?: string;
  idlePk?: string;
  idleAt?: string;
};

export const key = (id: string) => ({ pk: `DEP#${id}`, sk: "META" as const });
export const tenantPk = (tenantId: string) => `TEN#${tenantId}#DEP`;

const PROVIDER_URLS: Record<ProviderName, string> = {
  together: "https://api.together.ai/v1/chat/completions",
  fireworks: "https://api.fireworks.ai/inference/v1/chat/completions",
};

export function toInfo(row: Row): Info {
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    state: row.state,
    model: row.model,
    hardware: row.hardware,
    autoscaling: row.autoscaling,
    idleTimeoutMinutes: row.idleTimeoutMinutes,
    price: row.price ?? null,
    upstream: {
      uploadJobId: row.uploadJobId ?? null,
      uploadStatus: row.uploadStatus ?? null,
      modelName: row.modelName ?? null,
      endpointId: row.endpointId ?? null,
      endpointState: row.endpointState ?? null,
    },
    endpoint: row.endpointName ? { name: row.endpointName, url: providerUrl(row.provider) } : null,
    lastError: row.lastError ?? null,
    stopReason: row.stopReason ?? null,
    lastActivityAt: row.lastActivityAt ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

function providerUrl(provider: ProviderName) {
  const base = process.env.TOGETHER_BASE_URL;
  return provider === "together" && base
    ? `${base.replace(/\/$/, "")}/chat/completions`
    : PROVIDER_URLS[provider];
}
