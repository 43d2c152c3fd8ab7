import { stack } from "./stack";

export type Json = Record<string, unknown> & { [key: string]: unknown };

/** Calls the running API as the stack's default tenant (or with the key given). */
export async function api(
  path: string,
  init: { method?: string; body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  const key = init.key === undefined ? stack.apiKey : init.key;
  if (key) headers.authorization = `Bearer ${key}`;
  if (init.body !== undefined) headers["content-type"] ??= "application/json";
  const response = await fetch(`${stack.apiUrl}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === "string"
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: Json = {};
  try {
    body = text ? (JSON.parse(text) as Json) : {};
  } catch {
    body = { raw: text };
  }
  return { status: response.status, body, headers: response.headers, text };
}

export type Deployment = {
  id: string;
  state: string;
  apiVersion?: "v1" | "v2" | null;
  observed?: { readyReplicas: number | null; region: string | null; state: string; raw: string } | null;
  stopReason: string | null;
  nextActions: { action: string; at: string; reason: string }[];
  lastError: { code: string; message: string } | null;
  lastActivityAt: string | null;
  endpoint: { name: string; url: string } | null;
  upstream: {
    endpointId: string | null;
    uploadJobId: string | null;
    uploadStatus: string | null;
    modelName: string | null;
    endpointState: string | null;
  };
  hardware: string;
  autoscaling: { minReplicas: number; maxReplicas: number };
  version: number;
};

/** Polls a deployment until it reaches one of `states`; fails with its last state otherwise. */
export async function waitForState(
  id: string,
  states: string | string[],
  options: { timeoutMs?: number; key?: string } = {},
) {
  const wanted = Array.isArray(states) ? states : [states];
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let last: Deployment | undefined;
  while (Date.now() < deadline) {
    const res = await api(`/v1/deployments/${id}`, { key: options.key });
    last = res.body as unknown as Deployment;
    if (wanted.includes(last.state)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${id} did not reach ${wanted.join("|")}; last: ${JSON.stringify(last)}`);
}

export async function deploy(body: Record<string, unknown> = {}, key?: string) {
  const res = await api("/v1/deployments", {
    key,
    body: {
      provider: "together",
      model: { source: "hf://acme/tiny-llama" },
      hardware: "1x_nvidia_h100_80gb_sxm",
      ...body,
    },
  });
  if (res.status !== 202) throw new Error(`deploy failed: ${res.status} ${res.text}`);
  return res.body as unknown as Deployment;
}

/** The simulator's view of everything: endpoints, jobs, per-route calls. */
export async function simState() {
  const res = await fetch(`${stack.togetherUrl?.replace(/\/v1$/, "")}/_sim/state`);
  return (await res.json()) as {
    endpoints: { id: string; display_name: string; state: string; deleted: boolean; hardware: string }[];
    jobs: { job_id: string; status: string; args: { modelName?: string } }[];
    calls: Record<string, number>;
    v2: {
      project: { id: string; slug: string };
      /** GPUs per accelerator and region that v2 places replicas on. */
      capacity: Record<string, Record<string, number>>;
      endpoints: { id: string; name: string; trafficSplit: { deploymentId: string; weight: number }[] }[];
      deployments: {
        id: string;
        name: string;
        endpointId: string;
        hardware: string;
        status: { state: string; readyReplicas?: number };
        autoscaling: { minReplicas?: number; maxReplicas?: number };
        region: string | null;
      }[];
      models: { id: string; name: string; projectId: string; baseModelId?: string }[];
      uploads: { id: string; modelId: string; remoteUrl: string; status: string }[];
    };
  };
}

export async function simControl(path: string, body?: unknown, method = "POST") {
  const res = await fetch(`${stack.togetherUrl?.replace(/\/v1$/, "")}/_sim${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sim control ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
