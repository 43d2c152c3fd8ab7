import { stack } from "./stack";

export type SimEndpoint = { serving: boolean; stopped: boolean; minReplicas: number; maxReplicas: number };

/** What the parity suite needs to know of each provider and its simulator. */
export type ProviderCase = {
  /** How the suite names the case: the provider, or the provider and its API generation. */
  name: string;
  provider: "together" | "fireworks";
  /** Fields every create of this case adds (Together v1: `apiVersion: "v1"`). */
  create?: Record<string, unknown>;
  /** A model to upload (the Hub simulator serves it). */
  upload: string;
  /** A model the provider serves without an upload. */
  catalog: string;
  /** A LoRA adapter (the Hub simulator serves it) that loads onto a `catalog` base, and the name inference addresses it by. */
  adapter: { source: string; name: RegExp };
  hardware: string;
  simUrl: string;
  /** Display names of the endpoints alive at the simulator. */
  liveEndpoints(): Promise<string[]>;
  /** The simulator's own view of one live endpoint: serving or not, and the autoscaling it runs. */
  endpoint(displayName: string): Promise<SimEndpoint | undefined>;
  /** The simulator route a provider call for one endpoint goes to, for faults. */
  endpointRoute(method: "GET" | "PATCH"): string;
  /** Makes the next upload fail the way a corrupted file does at this provider. */
  failNextUpload(): Promise<void>;
};

async function sim(base: string, path: string, init?: { method?: string; body?: unknown }) {
  const res = await fetch(`${base}/_sim${path}`, {
    method: init?.method ?? (init?.body === undefined ? "GET" : "POST"),
    headers: { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`sim ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

const togetherUrl = (stack.togetherUrl ?? "").replace(/\/v1$/, "");
const fireworksUrl = stack.fireworksUrl ?? "";

type V2Deployment = {
  id: string;
  name: string;
  endpointId: string;
  autoscaling: { minReplicas?: number; maxReplicas?: number };
  status: { state: string; readyReplicas?: number };
};
type V2Endpoint = { id: string; trafficSplit: { deploymentId: string; weight: number }[] };

/** v2 deployments are named `hangar-dep-<ulid>` (DNS-friendly); the suite knows them as `hangar-dep_<ulid>`. */
const v2DisplayName = (d: V2Deployment) =>
  (d.name.split("/").at(-1) ?? "").replace(/^hangar-dep-/, "hangar-dep_");

async function v2State() {
  const state = (await sim(togetherUrl, "/state")) as {
    v2: { endpoints: V2Endpoint[]; deployments: V2Deployment[] };
  };
  return state.v2;
}

const togetherV2: ProviderCase = {
  name: "together",
  provider: "together",
  upload: "hf://acme/tiny-llama",
  catalog: "Qwen/Qwen2.5-7B-Instruct",
  adapter: { source: "hf://acme/qwen-lora", name: /^devuser\/hangar-dep-\w{26}:hangar-dep_/ },
  hardware: "1xnvidia-h100-80gb",
  simUrl: togetherUrl,
  liveEndpoints: async () => (await v2State()).deployments.map(v2DisplayName),
  failNextUpload: async () => void (await sim(togetherUrl, "/uploads/fail-next", { body: {} })),
  endpoint: async (displayName) => {
    const { endpoints, deployments } = await v2State();
    const d = deployments.find((x) => v2DisplayName(x) === displayName);
    if (!d) return undefined;
    const routed = endpoints.some(
      (e) => e.id === d.endpointId && e.trafficSplit.some((s) => s.deploymentId === d.id && s.weight > 0),
    );
    return {
      serving: d.status.state === "DEPLOYMENT_STATE_READY" && routed,
      stopped: d.status.state === "DEPLOYMENT_STATE_STOPPED",
      minReplicas: d.autoscaling.minReplicas ?? 0,
      maxReplicas: d.autoscaling.maxReplicas ?? 0,
    };
  },
  endpointRoute: (method) =>
    `${method} /v2/projects/:projectId/endpoints/:endpointId/deployments/:deploymentId`,
};

const togetherV1: ProviderCase = {
  name: "together-v1",
  provider: "together",
  create: { apiVersion: "v1" },
  upload: "hf://acme/tiny-llama",
  catalog: "Qwen/Qwen2.5-7B-Instruct",
  adapter: {
    source: "hf://acme/qwen-lora",
    name: /^devuser\/Qwen\/Qwen2\.5-7B-Instruct-\w{8}:devuser\/hangar-dep_/,
  },
  hardware: "1x_nvidia_h100_80gb_sxm",
  simUrl: togetherUrl,
  liveEndpoints: async () => {
    const state = (await sim(togetherUrl, "/state")) as {
      endpoints: { display_name: string; deleted: boolean }[];
    };
    return state.endpoints.filter((e) => !e.deleted).map((e) => e.display_name);
  },
  failNextUpload: async () => void (await sim(togetherUrl, "/uploads/fail-next", { body: {} })),
  endpoint: async (displayName) => {
    const state = (await sim(togetherUrl, "/state")) as {
      endpoints: {
        display_name: string;
        deleted: boolean;
        state: string;
        autoscaling: { min_replicas: number; max_replicas: number };
      }[];
    };
    const e = state.endpoints.find((x) => !x.deleted && x.display_name === displayName);
    return (
      e && {
        serving: e.state === "STARTED",
        stopped: e.state === "STOPPED",
        minReplicas: e.autoscaling.min_replicas,
        maxReplicas: e.autoscaling.max_replicas,
      }
    );
  },
  endpointRoute: (method) => `${method} /v1/endpoints/:id`,
};

export const providers: ProviderCase[] = [
  togetherV2,
  {
    name: "fireworks",
    provider: "fireworks",
    upload: "hf://acme/tiny-llama",
    catalog: "accounts/fireworks/models/llama-v3p1-8b-instruct",
    adapter: { source: "hf://acme/tiny-lora", name: /^accounts\/.+\/models\/.+#accounts\/.+\/deployments\// },
    hardware: "1x_nvidia_h100_80gb",
    simUrl: fireworksUrl,
    liveEndpoints: async () => {
      const state = (await sim(fireworksUrl, "/state")) as {
        deployments: { displayName: string; state: string }[];
      };
      return state.deployments.filter((d) => d.state !== "DELETED").map((d) => d.displayName);
    },
    failNextUpload: async () => void (await sim(fireworksUrl, "/uploads/fail-next", { body: {} })),
    endpoint: async (displayName) => {
      const state = (await sim(fireworksUrl, "/state")) as {
        deployments: {
          displayName: string;
          state: string;
          minReplicaCount: number;
          maxReplicaCount: number;
          replicaCount: number;
        }[];
      };
      const d = state.deployments.find((x) => x.state !== "DELETED" && x.displayName === displayName);
      return (
        d && {
          serving: d.state === "READY" && d.maxReplicaCount > 0,
          stopped: d.state === "READY" && d.maxReplicaCount === 0 && d.replicaCount === 0,
          minReplicas: d.minReplicaCount,
          maxReplicas: d.maxReplicaCount,
        }
      );
    },
    endpointRoute: (method) => `${method} /v1/accounts/:account/deployments/:id`,
  },
];

/** The parity suite runs on each provider and on Together's older API generation too. */
export const parityCases: ProviderCase[] = [...providers, togetherV1];

export const faults = (p: ProviderCase, body: unknown) => sim(p.simUrl, "/faults", { body });
export const clearFaults = (p: ProviderCase) => sim(p.simUrl, "/faults", { method: "DELETE" });
export const simControl = (p: ProviderCase, path: string, body?: unknown) => sim(p.simUrl, path, { body });
