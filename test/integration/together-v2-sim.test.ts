import {
  CORRUPT_WEIGHTS,
  startTogetherSimulator,
  type TogetherSimulator,
} from "@hangar/simulators/together/index";
import Together from "together-ai";
import type { Endpoint, EndpointDeployment } from "together-ai/resources/beta/endpoints/endpoints";
import type { SupportedModel } from "together-ai/resources/beta/models/models";
import type { RemoteUploadRetrieveResponse } from "together-ai/resources/beta/models/remote-uploads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The v2 half of the Together simulator, driven over HTTP by Together's official SDK
 * (`client.beta…`) the way Hangar's v2 provider will drive the real service. The builders are
 * typed with the SDK's types, so `tsc` holds the shapes; this file holds the behaviour.
 */
let sim: TogetherSimulator;
let client: Together;
let projectId: string;
let slug: string;
let qwen: SupportedModel;

const STOPPING_MS = 1_000;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last saw ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function control(path: string, body: unknown = {}) {
  const response = await fetch(`${sim.controlUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return response.json();
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Together.APIError);
  return error as InstanceType<typeof Together.APIError> & {
    error: { code: number; message: string; details: unknown[] };
  };
}

const profile = (hardware: string) => {
  const found = qwen.deploymentProfiles.find((p) => `${p.gpuCount}x${p.gpuType}` === hardware);
  if (!found) throw new Error(`no ${hardware} profile`);
  return { model: found.model, config: found.config };
};

const p = () => ({ projectId });

async function endpoint(name: string): Promise<Endpoint> {
  return client.beta.endpoints.create({ ...p(), name });
}

async function deploy(
  endpointId: string,
  name: string,
  extra: Partial<Parameters<typeof client.beta.endpoints.deployments.create>[1]> = {},
): Promise<EndpointDeployment> {
  return client.beta.endpoints.deployments.create(endpointId, {
    ...p(),
    name,
    ...profile("1xnvidia-l40s-48gb"),
    autoscaling: { minReplicas: 1, maxReplicas: 1 },
    ...extra,
  });
}

const get = (endpointId: string, id: string) =>
  client.beta.endpoints.deployments.retrieve(id, { ...p(), endpointId });

const ready = (endpointId: string, id: string) =>
  until(
    () => get(endpointId, id),
    (d) => d.status.state === "DEPLOYMENT_STATE_READY",
  );

async function route(endpointId: string, weights: Record<string, number>) {
  const current = await client.beta.endpoints.retrieve(endpointId, p());
  return client.beta.endpoints.update(endpointId, {
    ...p(),
    updateMask: "trafficSplit",
    etag: current.etag,
    trafficSplit: Object.entries(weights).map(([deploymentId, weight]) => ({ deploymentId, weight })),
  });
}

async function stop(endpointId: string, d: EndpointDeployment) {
  return client.beta.endpoints.deployments.update(d.id, {
    ...p(),
    endpointId,
    updateMask: "autoscaling.minReplicas,autoscaling.maxReplicas",
    autoscaling: { minReplicas: 0, maxReplicas: 0 },
  });
}

beforeAll(async () => {
  sim = await startTogetherSimulator({
    steps: {
      jobQueuedMs: 20,
      jobRunningMs: 30,
      endpointPendingMs: 20,
      endpointStartingMs: 30,
      endpointStoppingMs: STOPPING_MS,
    },
  });
  client = new Together({ apiKey: sim.apiKey, baseURL: sim.url, maxRetries: 0 });
  const me = await client.whoami();
  projectId = me.project_id;
  slug = me.project_slug;
  qwen = await client.beta.models.retrieveSupported("Qwen/Qwen2.5-7B-Instruct");
});
afterAll(() => sim.close());

describe("the Together v2 simulator, driven by the official SDK", () => {
  it("names the key's one project in whoami, with the v1 owner as its slug", async () => {
    const me = await client.whoami();
    expect(me.project_id).toMatch(/^proj_/);
    expect(me.project_slug).toBe(sim.state.owner);
    expect(me.organization_id).toMatch(/^org_/);
  });

  it("lists instance types priced like v1 hardware, per hour, with per-region headroom", async () => {
    const types = await client.beta.endpoints.hardware.list();
    const v1 = await client.endpoints.listHardware();
    const h100 = types.data.find((t) => t.name === "1xnvidia-h100-80gb");
    const v1h100 = v1.data.find((h) => h.id === "1x_nvidia_h100_80gb_sxm");
    expect(h100?.priceCentsPerHour).toBe((v1h100?.pricing.cents_per_minute ?? 0) * 60);
    expect(h100).toMatchObject({ gpuCount: 1, gpuMemoryGib: 80 });
    expect(h100?.regions.length).toBeGreaterThan(1);
    expect(h100?.regions.every((r) => typeof r.headroom?.value === "number")).toBe(true);
    expect(types.data.every((t) => /^\d+x[a-z0-9-]+$/.test(t.name))).toBe(true);
    expect(await client.beta.endpoints.hardware.retrieve(h100?.id ?? "")).toEqual(h100);
  });

  it("offers catalogue models with deployment profiles whose model and config deploy as they are", async () => {
    const all = [];
    for await (const m of client.beta.models.listSupported()) all.push(m.name);
    expect(all).toContain("Qwen/Qwen2.5-7B-Instruct");
    expect(qwen.deploymentProfiles.map((d) => `${d.gpuCount}x${d.gpuType}`)).toContain("1xnvidia-h100-80gb");
  });

  it("creates a model, uploads its weights, and validates a revision that can then be deployed", async () => {
    const model = await client.beta.models.create({
      ...p(),
      name: "gemma-ft",
      baseModelId: qwen.baseModelId,
      type: "model",
    });
    expect(model).toMatchObject({ name: `${slug}/gemma-ft`, projectId, baseModelId: qwen.baseModelId });
    const duplicate = await failure(
      client.beta.models.create({ ...p(), name: "gemma-ft", baseModelId: qwen.baseModelId, type: "model" }),
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.error.details).toHaveLength(1);

    const ep = await endpoint("too-early");
    const none = await failure(
      client.beta.endpoints.deployments.create(ep.id, {
        ...p(),
        name: "first",
        model: `projects/${projectId}/models/${model.id}`,
        config: profile("1xnvidia-l40s-48gb").config,
        autoscaling: { minReplicas: 1 },
      }),
    );
    expect(none.status).toBe(400);
    expect(none.message).toContain("the model has no revisions to deploy");

    const job = await client.beta.models.remoteUploads.create({
      ...p(),
      modelId: model.id,
      remoteUrl: "https://weights.example.com/gemma-ft.tar.gz",
      token: "secret",
    });
    expect(job).toMatchObject({ status: "REMOTE_UPLOAD_STATUS_PENDING", modelId: model.id });
    const done = await until(
      () => client.beta.models.remoteUploads.retrieve(job.id, p()),
      (j: RemoteUploadRetrieveResponse) => j.status === "REMOTE_UPLOAD_STATUS_SUCCEEDED",
    );
    expect(done.id).toBe(job.id);
    const events = await client.beta.models.remoteUploads.events(job.id, p());
    expect(events.data.map((e) => e.type)).toEqual(["upload.succeeded", "download.started", "upload.queued"]);

    const revisions = await until(
      () => client.beta.models.listRevisions(model.id, p()),
      (r) => r.data?.[0]?.validationStatus === "REVISION_VALIDATION_STATUS_SUCCESS",
    );
    const files = await client.beta.models.listFiles(model.id, p());
    expect(files.revisionId).toBe(revisions.data?.[0]?.revisionId);
    expect(Number(files.totalSizeBytes)).toBeGreaterThan(0);

    const configs = [];
    for await (const c of client.beta.models.configs.list({
      ...p(),
      referenceModel: `projects/${projectId}/models/${model.id}`,
    }))
      configs.push(c);
    const l40s = configs.find((c) =>
      c.selectors.some((s) => s.key === "accelerator_type" && s.value === "nvidia-l40s-48gb"),
    );
    expect(l40s?.selectors).toContainEqual({ key: "accelerator_count", value: "1" });
    const deployed = await client.beta.endpoints.deployments.create(ep.id, {
      ...p(),
      name: "first",
      model: `projects/${projectId}/models/${model.id}`,
      config: `projects/${l40s?.projectId}/configs/${l40s?.id}`,
      autoscaling: { minReplicas: 1 },
    });
    expect(deployed.modelRevisionId).toBe(revisions.data?.[0]?.revisionId);
    expect(deployed.hardware).toBe("1xnvidia-l40s-48gb");
  });

  it("fails uploads the way v1 does: corrupt weights, and the next upload after fail-next", async () => {
    const model = await client.beta.models.create({
      ...p(),
      name: "broken",
      baseModelId: qwen.baseModelId,
      type: "model",
    });
    const corrupt = await client.beta.models.remoteUploads.create({
      ...p(),
      modelId: model.id,
      remoteUrl: "https://x.example.com/corrupt.tar.gz",
    });
    const failed = await until(
      () => client.beta.models.remoteUploads.retrieve(corrupt.id, p()),
      (j) => j.status === "REMOTE_UPLOAD_STATUS_FAILED",
    );
    expect(failed.statusMessage).toBe(CORRUPT_WEIGHTS);
    await control("/uploads/fail-next", { message: "bucket gone" });
    const next = await client.beta.models.remoteUploads.create({
      ...p(),
      modelId: model.id,
      remoteUrl: "https://x.example.com/fine.tar.gz",
    });
    const second = await until(
      () => client.beta.models.remoteUploads.retrieve(next.id, p()),
      (j) => j.status === "REMOTE_UPLOAD_STATUS_FAILED",
    );
    expect(second.statusMessage).toBe("bucket gone");
    expect((await client.beta.models.listRevisions(model.id, p())).data).toEqual([]);
  });

  it("deploys on v2 a model uploaded with v1, since both APIs share one account", async () => {
    const started = await client.models.upload({
      model_name: "from-v1",
      model_source: "https://w.example.com/from-v1-7b.tar.gz",
    });
    await until(
      () => client.models.uploads.status(started.data.job_id),
      (j) => j.status === "Complete",
    );
    const models = [];
    for await (const m of client.beta.models.list(p())) models.push(m);
    const adopted = models.find((m) => m.name === `${slug}/from-v1`);
    expect(adopted).toBeDefined();
    const ep = await endpoint("from-v1");
    const config = (await client.beta.models.configs.list({ ...p(), referenceModelId: adopted?.id })).data[0];
    const d = await client.beta.endpoints.deployments.create(ep.id, {
      ...p(),
      name: "a",
      model: `projects/${projectId}/models/${adopted?.id}`,
      config: `projects/${config?.projectId}/configs/${config?.id}`,
      autoscaling: { minReplicas: 1 },
    });
    expect((await ready(ep.id, d.id)).status.readyReplicas).toBe(1);
  });

  it("creates endpoints and deployments that provision, scale and become ready, and pages through lists", async () => {
    const ep = await endpoint("paged");
    expect(ep).toMatchObject({
      name: `${slug}/paged`,
      trafficSplit: [],
      deployments: [],
      endpointType: "ENDPOINT_TYPE_DEDICATED",
    });
    const dup = await failure(endpoint("paged"));
    expect(dup.status).toBe(409);
    expect(dup.error.code).toBe(6);

    const created = await deploy(ep.id, "one", { autoscaling: { minReplicas: 2, maxReplicas: 3 } });
    expect(created.status).toMatchObject({
      state: "DEPLOYMENT_STATE_PROVISIONING",
      message: "Scheduling replicas",
      readyReplicas: 0,
      scheduledReplicas: 0,
    });
    expect(created.desiredReplicas).toBe(2);
    expect(created.name).toBe(`${slug}/paged/one`);
    const done = await ready(ep.id, created.id);
    expect(done.status).toMatchObject({ readyReplicas: 2, scheduledReplicas: 2 });
    await deploy(ep.id, "two");
    await deploy(ep.id, "three");

    const first = await client.beta.endpoints.deployments.list(ep.id, { ...p(), limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.hasNextPage()).toBe(true);
    const names = [];
    for await (const d of client.beta.endpoints.deployments.list(ep.id, { ...p(), limit: 2 }))
      names.push(d.name);
    expect(names.sort()).toEqual([`${slug}/paged/one`, `${slug}/paged/three`, `${slug}/paged/two`]);
    const endpoints = [];
    for await (const e of client.beta.endpoints.list({ ...p(), limit: 1 })) endpoints.push(e.id);
    expect(endpoints).toContain(ep.id);
    const summary = (await client.beta.endpoints.retrieve(ep.id, p())).deployments;
    expect(summary.map((d) => d.name)).toEqual([
      `${slug}/paged/three`,
      `${slug}/paged/two`,
      `${slug}/paged/one`,
    ]);
  });

  it("updates with updateMask, changes the etag on every write, and refuses a stale etag with 409", async () => {
    const ep = await endpoint("masked");
    const d = await deploy(ep.id, "m");
    const scaled = await client.beta.endpoints.deployments.update(d.id, {
      ...p(),
      endpointId: ep.id,
      updateMask: "autoscaling.maxReplicas",
      etag: d.etag,
      autoscaling: { minReplicas: 5, maxReplicas: 3 },
    });
    expect(scaled.autoscaling).toMatchObject({ minReplicas: 1, maxReplicas: 3 });
    expect(scaled.etag).not.toBe(d.etag);
    const stale = await failure(
      client.beta.endpoints.deployments.update(d.id, {
        ...p(),
        endpointId: ep.id,
        etag: d.etag,
        autoscaling: { maxReplicas: 2 },
      }),
    );
    expect(stale.status).toBe(409);
    const staleDelete = await failure(client.beta.endpoints.delete(ep.id, { ...p(), etag: "nope" }));
    expect(staleDelete.status).toBe(409);
    const empty = await failure(client.beta.endpoints.update(ep.id, { ...p(), trafficSplit: [] }));
    expect(empty.message).toContain("no fields to update");
    const renamed = await client.beta.endpoints.update(ep.id, {
      ...p(),
      updateMask: "visibility",
      visibility: "VISIBILITY_INTERNAL",
      name: "ignored",
    });
    expect(renamed).toMatchObject({ visibility: "VISIBILITY_INTERNAL", name: `${slug}/masked` });
    expect(renamed.etag).not.toBe(ep.etag);
  });

  it("stops at 0/0 through STOPPING to STOPPED, starts only from STOPPED, and refuses bad bounds", async () => {
    const ep = await endpoint("stopstart");
    const d = await deploy(ep.id, "s");
    await ready(ep.id, d.id);
    const half = await failure(
      client.beta.endpoints.deployments.update(d.id, {
        ...p(),
        endpointId: ep.id,
        autoscaling: { minReplicas: 0, maxReplicas: 2 },
      }),
    );
    expect(half.status).toBe(400);
    const stopping = await stop(ep.id, d);
    expect(stopping.status.state).toBe("DEPLOYMENT_STATE_STOPPING");
    expect(stopping.status.readyReplicas).toBe(1);
    const early = await failure(
      client.beta.endpoints.deployments.update(d.id, {
        ...p(),
        endpointId: ep.id,
        autoscaling: { minReplicas: 1, maxReplicas: 1 },
      }),
    );
    expect(early.message).toContain("the deployment must be stopped before it can be restarted");
    const stopped = await until(
      () => get(ep.id, d.id),
      (x) => x.status.state === "DEPLOYMENT_STATE_STOPPED",
    );
    expect(stopped.status).toMatchObject({ readyReplicas: 0, scheduledReplicas: 0 });
    const restarted = await client.beta.endpoints.deployments.update(d.id, {
      ...p(),
      endpointId: ep.id,
      autoscaling: { minReplicas: 1, maxReplicas: 2 },
    });
    expect(restarted.status.state).toBe("DEPLOYMENT_STATE_PROVISIONING");
    await ready(ep.id, d.id);

    await control(`/deployments/${d.id}/fail`);
    const terminal = await failure(
      client.beta.endpoints.deployments.update(d.id, {
        ...p(),
        endpointId: ep.id,
        autoscaling: { minReplicas: 2, maxReplicas: 2 },
      }),
    );
    expect(terminal.message).toContain(
      "the deployment is in a terminal FAILED state and cannot be restarted",
    );
  });

  it("deletes a deployment only once stopped and out of the split, and an endpoint only once empty", async () => {
    const ep = await endpoint("deletes");
    const d = await deploy(ep.id, "x");
    await ready(ep.id, d.id);
    await route(ep.id, { [d.id]: 1 });
    const running = await failure(
      client.beta.endpoints.deployments.delete(d.id, { ...p(), endpointId: ep.id }),
    );
    expect(running.status).toBe(400);
    await stop(ep.id, d);
    const draining = await failure(
      client.beta.endpoints.deployments.delete(d.id, { ...p(), endpointId: ep.id }),
    );
    expect(draining.status).toBe(409);
    await until(
      () => get(ep.id, d.id),
      (x) => x.status.state === "DEPLOYMENT_STATE_STOPPED",
    );
    const weighted = await failure(
      client.beta.endpoints.deployments.delete(d.id, { ...p(), endpointId: ep.id }),
    );
    expect(weighted.message).toContain(
      "please drop traffic split weight to 0 before deleting the deployment",
    );
    const notEmpty = await failure(client.beta.endpoints.delete(ep.id, p()));
    expect(notEmpty.status).toBe(400);
    await route(ep.id, { [d.id]: 0 });
    const latest = await get(ep.id, d.id);
    expect(
      await client.beta.endpoints.deployments.delete(d.id, { ...p(), endpointId: ep.id, etag: latest.etag }),
    ).toEqual({});
    expect(await client.beta.endpoints.delete(ep.id, p())).toEqual({});
    expect((await failure(client.beta.endpoints.retrieve(ep.id, p()))).status).toBe(404);
  });
});

describe("inference on v2 model strings, and the analytics it feeds", () => {
  let ep: Endpoint;
  let blue: EndpointDeployment;
  let green: EndpointDeployment;
  const ask = (model: string) =>
    client.chat.completions.create({ model, messages: [{ role: "user", content: "hello there" }] });

  beforeAll(async () => {
    ep = await endpoint("chat-prod");
    blue = await deploy(ep.id, "blue");
    green = await deploy(ep.id, "green");
    await ready(ep.id, blue.id);
    await ready(ep.id, green.id);
  });

  it("answers 400 endpoint_not_configured while no ready deployment has a weight", async () => {
    const error = await failure(ask(`${slug}/chat-prod`));
    expect(error.status).toBe(400);
    expect((error.error as unknown as { error: { code: string } }).error.code).toBe(
      "endpoint_not_configured",
    );
  });

  it("splits by weight × ready replicas, reports the share, and honours a pinned deployment", async () => {
    const routed = await route(ep.id, { [blue.id]: 3, [green.id]: 1 });
    const shares = Object.fromEntries(
      routed.deployments.map((d) => [d.id, d.estimatedEffectiveTrafficShare]),
    );
    expect(shares).toEqual({ [blue.id]: 0.75, [green.id]: 0.25 });
    expect((await get(ep.id, blue.id)).estimatedEffectiveTrafficShare).toBe(0.75);
    const answer = await ask(`${slug}/chat-prod`);
    expect(answer.model).toBe(`${slug}/chat-prod`);
    const pinned = await ask(`${slug}/chat-prod/green`);
    expect(pinned.choices[0]?.message?.content).toContain(`${slug}/chat-prod/green`);
    await route(ep.id, { [blue.id]: 1, [green.id]: 0 });
    for (let i = 0; i < 5; i++) {
      const only = await ask(`${slug}/chat-prod`);
      expect(only.choices[0]?.message?.content).toContain(`${slug}/chat-prod/blue`);
    }
  });

  it("counts the requests it served, through the SDK or straight over HTTP, per deployment", async () => {
    const before = await client.beta.endpoints.analytics(ep.id, p());
    const total = Number(before.metrics?.requestMetrics?.totalRequests);
    await ask(`${slug}/chat-prod/blue`);
    const raw = await fetch(`${sim.url}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${sim.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ model: `${slug}/chat-prod/green`, messages: [{ role: "user", content: "hi" }] }),
    });
    expect(raw.status).toBe(200);
    const after = await client.beta.endpoints.analytics(ep.id, {
      ...p(),
      granularity: "1m",
      includeTimeSeries: true,
    });
    expect(after.metrics?.requestMetrics?.totalRequests).toBe(String(total + 2));
    expect(typeof after.metrics?.tokenMetrics?.totalInputTokens).toBe("string");
    const byDeployment = Object.fromEntries(
      (after.metrics?.deploymentMetrics ?? []).map((m) => [m.deploymentId, m.requestMetrics?.totalRequests]),
    );
    expect(Number(byDeployment[blue.id]) + Number(byDeployment[green.id])).toBe(total + 1);
    const series = after.timeSeries ?? [];
    expect(series.reduce((s, b) => s + (b.values?.requests ?? 0), 0)).toBe(total + 2);
    const green1 = await client.beta.endpoints.analytics(ep.id, { ...p(), deploymentId: green.id });
    expect(green1.deploymentAnalytics?.map((d) => d.deploymentId)).toEqual([green.id]);
    expect(green1.timeSeries).toBeUndefined();
    const future = await client.beta.endpoints.analytics(ep.id, {
      ...p(),
      startTime: new Date(Date.now() + 60_000).toISOString(),
      endTime: new Date(Date.now() + 120_000).toISOString(),
    });
    expect(future.metrics?.requestMetrics?.totalRequests).toBe("0");
  });

  it("answers 400 endpoint_not_ready once every deployment is stopped, and traffic wakes none", async () => {
    await stop(ep.id, blue);
    await stop(ep.id, green);
    for (const d of [blue, green])
      await until(
        () => get(ep.id, d.id),
        (x) => x.status.state === "DEPLOYMENT_STATE_STOPPED",
      );
    const error = await failure(ask(`${slug}/chat-prod`));
    expect((error.error as unknown as { error: { code: string } }).error.code).toBe("endpoint_not_ready");
    expect((await get(ep.id, blue.id)).status.state).toBe("DEPLOYMENT_STATE_STOPPED");
    const analytics = await client.beta.endpoints.analytics(ep.id, p());
    expect(Number(analytics.metrics?.requestMetrics?.failedRequests)).toBeGreaterThanOrEqual(2);
  });
});
