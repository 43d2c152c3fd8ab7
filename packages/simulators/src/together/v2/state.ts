import { createHash } from "node:crypto";
import type { SimAdapter } from "./adapters";
import type { RequestRecord } from "./analytics";
import type { SimDeployment } from "./deployments";
import type { SimV2Endpoint } from "./endpoints";
import type { SimEvent } from "./events";
import { type Capacity, defaultCapacity } from "./hardware";
import type { SimV2Model } from "./models";
import type { SimUpload } from "./uploads";

export type Project = { id: string; slug: string; name: string; organizationId: string };

/** The project every v2 route is scoped to: one per simulator, its slug the v1 owner. */
export function projectFor(owner: string): Project {
  const hash = createHash("sha256").update(owner).digest("hex");
  return {
    id: `proj_${hash.slice(0, 16)}`,
    slug: owner,
    name: owner,
    organizationId: `org_${hash.slice(16, 32)}`,
  };
}

/** The v2 half of the simulated account; lives in `SimState.v2` beside the v1 maps. */
export class V2State {
  readonly project: Project;
  endpoints = new Map<string, SimV2Endpoint>();
  deployments = new Map<string, SimDeployment>();
  models = new Map<string, SimV2Model>();
  uploads = new Map<string, SimUpload>();
  /** Attached adapters by deployment id. */
  adapters = new Map<string, SimAdapter[]>();
  events: SimEvent[] = [];
  requests: RequestRecord[] = [];
  capacity: Capacity = defaultCapacity();
  /** Orders events that share a millisecond. */
  seq = 0;

  constructor(owner: string) {
    this.project = projectFor(owner);
  }

  reset() {
    this.endpoints.clear();
    this.deployments.clear();
    this.models.clear();
    this.uploads.clear();
    this.adapters.clear();
    this.events = [];
    this.requests = [];
    this.capacity = defaultCapacity();
    this.seq = 0;
  }
}
