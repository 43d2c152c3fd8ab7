import { startHubSimulator } from "@hangar/simulators/huggingface/index";
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
import { soon } from "../support/until";

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
  soon(
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
    const done = await soon(
      () => client.beta.models.remoteUploads.retrieve(job.id, p()),
      (j: RemoteUploadRetrieveResponse) => j.status === "REMOTE_UPLOAD_STATUS_SUCCEEDED",
    );
    expect(done.id).toBe(job.id);
    const events = await client.beta.models.remoteUploads.events(job.id, p());
    expect(events.data.map((e) => e.type)).toEqual(["upload.succeeded", "download.started", "upload.queued"]);

    const revisions = await soon(
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
    const failed = await soon(
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
    const second = await soon(
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
    await soon(
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

  it("serves on a v1 endpoint a model uploaded through v2", async () => {
    const model = await client.beta.models.create({
      ...p(),
      name: "from-v2",
      baseModelId: qwen.baseModelId,
      type: "model",
    });
    await client.beta.models.remoteUploads.create({
      ...p(),
      modelId: model.id,
      remoteUrl: "https://w.example.com/v2.tar.gz",
    });
    // Only v1 reads from here on: the finished v2 upload must land for them too.
    const listed = await soon(
      () => client.models.list(),
      (models) => models.some((m) => m.id === `${slug}/from-v2`),
    );
    expect(listed.find((m) => m.id === `${slug}/from-v2`)?.organization).toBe(slug);
    const v1 = await client.endpoints.create({
      model: `${slug}/from-v2`,
      hardware: "1x_nvidia_h100_80gb_sxm",
      autoscaling: { min_replicas: 1, max_replicas: 1 },
    });
    expect(v1.model).toBe(`${slug}/from-v2`);
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
    const filtered = await client.beta.endpoints.deployments.list(ep.id, {
      ...p(),
      filter: 'name="t*" AND NOT name="two" OR name="one"',
    });
    expect(filtered.data.map((d) => d.name).sort()).toEqual([`${slug}/paged/one`, `${slug}/paged/three`]);
    const oldestFirst = await client.beta.endpoints.deployments.list(ep.id, {
      ...p(),
      orderBy: "created_at asc",
    });
    expect(oldestFirst.data[0]?.name).toBe(`${slug}/paged/one`);
    const bad = await failure(client.beta.endpoints.list({ ...p(), filter: "name ~ x" }));
    expect(bad.message).toContain("invalid filter expression");
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
    const stopped = await soon(
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
    await soon(
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
      await soon(
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

describe("capacity, placement and the events feed", () => {
  let ep: Endpoint;
  const a100 = "1xnvidia-a100-80gb";
  const headroom = async (region: string) => {
    const types = await client.beta.endpoints.hardware.list();
    return types.data.find((t) => t.name === a100)?.regions.find((r) => r.name === region)?.headroom?.value;
  };
  const inRegion = (region: string, required: boolean) => ({
    ...profile(a100),
    placement: {
      inline: {
        regions: [region],
        constraint: required ? ("ENFORCEMENT_REQUIRED" as const) : ("ENFORCEMENT_PREFERRED" as const),
      },
    },
  });
  const events = async (
    query: Omit<Parameters<typeof client.beta.endpoints.listEvents>[1] & object, "projectId"> = {},
  ) => {
    const all = [];
    for await (const e of client.beta.endpoints.listEvents(ep.id, { ...p(), ...query })) all.push(e);
    return all;
  };

  beforeAll(async () => {
    await control("/capacity", { accelerator: "nvidia-a100-80gb", region: "us-central-8", gpus: 1 });
    await control("/capacity", { accelerator: "nvidia-a100-80gb", region: "us-east-1", gpus: 1 });
    ep = await endpoint("placed");
  });

  it("uses up headroom, degrades what cannot be placed, falls back only when preferred, and heals", async () => {
    const first = await deploy(ep.id, "east", { ...inRegion("us-east-1", true) });
    await ready(ep.id, first.id);
    expect(await headroom("us-east-1")).toBe(0);
    const squeezed = await deploy(ep.id, "squeezed", { ...inRegion("us-east-1", true) });
    const degraded = await soon(
      () => get(ep.id, squeezed.id),
      (d) => d.status.state === "DEPLOYMENT_STATE_DEGRADED",
    );
    expect(degraded.status).toMatchObject({
      message: "Cannot place replicas: insufficient GPU capacity",
      scheduledReplicas: 0,
    });
    expect(degraded.placement).toEqual({
      inline: { regions: ["us-east-1"], constraint: "ENFORCEMENT_REQUIRED" },
    });
    const flexible = await deploy(ep.id, "flexible", { ...inRegion("us-east-1", false) });
    await ready(ep.id, flexible.id);
    expect(await headroom("us-central-8")).toBe(0);
    const placed = await events({ deploymentIds: [flexible.id], types: ["deployment.scaled"] });
    expect(placed[0]?.clusterId).toBe("us-central-8");

    await stop(ep.id, first);
    const healed = await ready(ep.id, squeezed.id);
    expect(healed.status.readyReplicas).toBe(1);
    const healedAt = await events({ deploymentIds: [squeezed.id], types: ["deployment.scaled"] });
    expect(healedAt[0]?.clusterId).toBe("us-east-1");
  });

  it("lists every change newest first, and filters by type, level, source, deployment and time", async () => {
    const all = await events();
    const times = all.map((e) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all.at(-1)?.type).toBe("endpoint.created");
    const kinds = new Set(all.map((e) => e.type));
    for (const type of [
      "deployment.created",
      "deployment.updated",
      "deployment.scaled",
      "deployment.status_updated",
      "condition.set",
    ])
      expect(kinds).toContain(type);

    const warnings = await events({ minLevel: "LEVEL_WARN" });
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((e) => e.level === "LEVEL_WARN" || e.level === "LEVEL_ERROR")).toBe(true);
    expect(warnings.some((e) => e.status === "DEPLOYMENT_STATE_DEGRADED")).toBe(true);

    const endpointOnly = await events({ sourceKinds: ["SOURCE_KIND_ENDPOINT"] });
    expect(endpointOnly.map((e) => e.type)).toEqual(["endpoint.created"]);
    const someDeployment = all.find((e) => e.deploymentId)?.deploymentId ?? "";
    const oneDeployment = await events({ deploymentIds: [someDeployment] });
    expect(oneDeployment.every((e) => e.deploymentId === someDeployment)).toBe(true);
    const withEndpoint = await events({
      deploymentIds: [someDeployment],
      sourceKinds: ["SOURCE_KIND_ENDPOINT", "SOURCE_KIND_DEPLOYMENT"],
    });
    expect(withEndpoint.length).toBe(oneDeployment.length + 1);

    const two = await events({ types: ["deployment.created", "endpoint.created"] });
    expect(new Set(two.map((e) => e.type))).toEqual(new Set(["deployment.created", "endpoint.created"]));
    const pivot = all[Math.floor(all.length / 2)]?.createdAt ?? "";
    const since = await events({ since: pivot });
    const until_ = await events({ until: pivot });
    expect(since.every((e) => e.createdAt >= pivot)).toBe(true);
    expect(until_.every((e) => e.createdAt < pivot)).toBe(true);
    expect(since.length + until_.length).toBe(all.length);

    const firstPage = await client.beta.endpoints.listEvents(ep.id, { ...p(), limit: 2 });
    expect(firstPage.data).toEqual(all.slice(0, 2));
    const paged = [];
    for await (const e of client.beta.endpoints.listEvents(ep.id, { ...p(), limit: 2 })) paged.push(e.id);
    expect(paged).toEqual(all.map((e) => e.id));
    const bad = await failure(client.beta.endpoints.listEvents(ep.id, { ...p(), since: "yesterday" }));
    expect(bad.status).toBe(400);
  });
});

describe("adapters, ignored stops, faults and prefixes", () => {
  it("loads an adapter on a LoRA deployment per cluster, serves it, and needs the etag to detach", async () => {
    const adapter = await client.beta.models.create({
      ...p(),
      name: "tone",
      baseModelId: qwen.baseModelId,
      type: "adapter",
    });
    await client.beta.models.remoteUploads.create({
      ...p(),
      modelId: adapter.id,
      remoteUrl: "https://w.example.com/tone.tar.gz",
    });
    await soon(
      () => client.beta.models.listRevisions(adapter.id, p()),
      (r) => r.data?.[0]?.validationStatus === "REVISION_VALIDATION_STATUS_SUCCESS",
    );
    const ep = await endpoint("lora");
    const plain = await deploy(ep.id, "plain");
    const refused = await failure(
      client.beta.endpoints.adapters.create({
        ...p(),
        endpointId: ep.id,
        deploymentId: plain.id,
        adapterModelId: adapter.id,
      }),
    );
    expect(refused.message).toContain("enableLora");
    const lora = await deploy(ep.id, "lora", { enableLora: true });
    await ready(ep.id, lora.id);
    const ids = { ...p(), endpointId: ep.id, deploymentId: lora.id };
    const attached = await client.beta.endpoints.adapters.create({ ...ids, adapterModelId: adapter.id });
    expect(["ADAPTER_LOAD_STATE_PENDING", "ADAPTER_LOAD_STATE_LOADING"]).toContain(
      attached.perCluster[0]?.state,
    );
    const loaded = await soon(
      () => client.beta.endpoints.adapters.retrieve(adapter.id, ids),
      (a) => a.perCluster[0]?.state === "ADAPTER_LOAD_STATE_READY",
    );
    expect(loaded.perCluster[0]).toMatchObject({
      readyPodCount: 1,
      totalPodCount: 1,
      realizedRevisionId: loaded.desiredRevisionId,
    });
    const regions = (await client.beta.endpoints.hardware.list()).data.flatMap((t) =>
      t.regions.map((r) => r.name),
    );
    expect(regions).toContain(loaded.perCluster[0]?.clusterId);
    const listed = await client.beta.endpoints.adapters.list(ep.id, lora.id, p());
    expect(listed.data.map((a) => a.adapterModelId)).toEqual([adapter.id]);
    const answer = await client.chat.completions.create({
      model: `${slug}/lora/lora:tone`,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(answer.choices[0]?.message?.content).toContain("LoRA adapter tone");

    const base = `${sim.url}/projects/${projectId}/endpoints/${ep.id}/deployments/${lora.id}/adapters/${adapter.id}`;
    const headers = { authorization: `Bearer ${sim.apiKey}` };
    const noEtag = await fetch(base, { method: "DELETE", headers });
    expect(noEtag.status).toBe(400);
    expect(await noEtag.json()).toMatchObject({ code: 3, message: "etag is required to detach an adapter" });
    const stale = await failure(client.beta.endpoints.adapters.delete(adapter.id, { ...ids, etag: "stale" }));
    expect(stale.status).toBe(409);
    expect(await client.beta.endpoints.adapters.delete(adapter.id, { ...ids, etag: loaded.etag })).toEqual(
      {},
    );
    const removing = await client.beta.endpoints.adapters.retrieve(adapter.id, ids);
    expect(removing.perCluster[0]?.state).toBe("ADAPTER_LOAD_STATE_REMOVING");
    await soon(
      () => client.beta.endpoints.adapters.list(ep.id, lora.id, p()),
      (page) => page.data.length === 0,
    );
  });

  it("acknowledges an ignored stop like a real one while the deployment keeps running", async () => {
    const ep = await endpoint("stubborn");
    const d = await deploy(ep.id, "d");
    await ready(ep.id, d.id);
    await control("/stops/ignore-next", { count: 1 });
    const acknowledged = await stop(ep.id, d);
    expect(acknowledged.status.state).toBe("DEPLOYMENT_STATE_READY");
    expect(acknowledged.autoscaling).toMatchObject({ minReplicas: 1, maxReplicas: 1 });
    const still = await get(ep.id, d.id);
    expect(still.status).toMatchObject({ state: "DEPLOYMENT_STATE_READY", readyReplicas: 1 });
    expect(still.autoscaling).toMatchObject({ minReplicas: 1, maxReplicas: 1 });
    expect(sim.state.ignoreNextStops).toBe(0);
    expect((await stop(ep.id, d)).status.state).toBe("DEPLOYMENT_STATE_STOPPING");
    expect((await get(ep.id, d.id)).autoscaling).toMatchObject({ minReplicas: 0, maxReplicas: 0 });
  });

  it("injects faults into v2 routes with gRPC status bodies, whatever prefix the call used", async () => {
    const ep = await endpoint("faulty");
    await control("/faults", {
      next: [{ kind: "503", route: "GET /v2/projects/:projectId/endpoints/:endpointId" }],
    });
    const error = await failure(client.beta.endpoints.retrieve(ep.id, p()));
    expect(error.status).toBe(503);
    expect(error.error).toMatchObject({ code: 14 });
    expect((await client.beta.endpoints.retrieve(ep.id, p())).id).toBe(ep.id);
    const state = (await (await fetch(`${sim.controlUrl}/state`)).json()) as {
      calls: Record<string, number>;
      v2: { endpoints: { id: string }[] };
    };
    expect(state.calls["GET /v2/projects/:projectId/endpoints/:endpointId"]).toBeGreaterThanOrEqual(2);
    expect(state.v2.endpoints.map((e) => e.id)).toContain(ep.id);
  });

  it("lists only what the project shares with its organization in the org-scoped lists", async () => {
    const me = await client.whoami();
    const shared = await endpoint("shared");
    await client.beta.endpoints.update(shared.id, {
      ...p(),
      updateMask: "visibility",
      visibility: "VISIBILITY_INTERNAL",
    });
    const listed = [];
    for await (const e of client.beta.endpoints.listOrgScoped(me.organization_id)) listed.push(e.name);
    expect(listed).toContain(`${slug}/shared`);
    expect(listed).not.toContain(`${slug}/chat-prod`);
    const other = await failure(
      client.beta.endpoints.listOrgScoped("org_elsewhere").then((page) => page.data),
    );
    expect(other.status).toBe(403);
  });

  it("refuses to delete a model a live deployment uses, and deletes it once unused", async () => {
    const models = [];
    for await (const m of client.beta.models.list(p())) models.push(m);
    const used = models.find((m) => m.name === `${slug}/gemma-ft`);
    const refused = await failure(client.beta.models.delete(used?.id ?? "", p()));
    expect(refused.error.message).toBe("the model is referenced by a live deployment");
    const unused = models.find((m) => m.name === `${slug}/broken`);
    expect(await client.beta.models.delete(unused?.id ?? "", p())).toEqual({});
    expect((await failure(client.beta.models.retrieve(unused?.id ?? "", p()))).status).toBe(404);
  });

  it("serves v2 under /v2, under /v1 and at the root, and refuses another key or project", async () => {
    const origin = new URL(sim.url).origin;
    const headers = { authorization: `Bearer ${sim.apiKey}` };
    for (const prefix of ["/v2", "/v1", ""]) {
      const response = await fetch(`${origin}${prefix}/projects/${projectId}/endpoints?limit=1`, { headers });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ object: "list" });
    }
    const root = new Together({ apiKey: sim.apiKey, baseURL: origin, maxRetries: 0 });
    expect((await root.beta.endpoints.hardware.list()).data.length).toBeGreaterThan(0);
    const anonymous = await fetch(`${origin}/v2/projects/${projectId}/endpoints`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 16 });
    const other = await failure(client.beta.endpoints.list({ projectId: "proj_someoneelse" }));
    expect(other.status).toBe(403);
  });
});

describe("a deployment that never becomes ready", () => {
  it("fails with Timed out waiting for readiness once the readiness timeout passes", async () => {
    const quick = await startTogetherSimulator({
      steps: { endpointPendingMs: 10, endpointStartingMs: 10, minuteMs: 1 },
    });
    const c = new Together({ apiKey: quick.apiKey, baseURL: quick.url, maxRetries: 0 });
    try {
      const project = (await c.whoami()).project_id;
      const model = await c.beta.models.retrieveSupported("Qwen/Qwen2.5-7B-Instruct");
      const h100 = model.deploymentProfiles.find((d) => d.gpuType === "nvidia-h100-80gb" && d.gpuCount === 1);
      await fetch(`${quick.controlUrl}/capacity`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ accelerator: "nvidia-h100-80gb", region: "eu-north-1", gpus: 0 }),
      });
      const ep = await c.beta.endpoints.create({ projectId: project, name: "stuck" });
      const profiles = await c.beta.endpoints.placementProfiles.list({ projectId: project });
      expect(profiles.data.map((x) => x.preferredRegions[0])).toContain("eu-north-1");
      const d = await c.beta.endpoints.deployments.create(ep.id, {
        projectId: project,
        name: "stuck",
        model: h100?.model,
        config: h100?.config,
        autoscaling: { minReplicas: 1 },
        placement: { inline: { regions: ["eu-north-1"], constraint: "ENFORCEMENT_REQUIRED" } },
      });
      const failed = await soon(
        () => c.beta.endpoints.deployments.retrieve(d.id, { projectId: project, endpointId: ep.id }),
        (x) => x.status.state === "DEPLOYMENT_STATE_FAILED",
      );
      expect(failed.status.message).toBe("Timed out waiting for readiness");
      const events = await c.beta.endpoints.listEvents(ep.id, {
        projectId: project,
        minLevel: "LEVEL_ERROR",
      });
      expect(events.data.map((e) => e.status)).toContain("DEPLOYMENT_STATE_FAILED");
    } finally {
      await quick.close();
    }
  });
});

describe("v2 uploads checked against the Hub", () => {
  it("fails the upload of a repo the Hub doesn't have, with huggingface_hub's reason", async () => {
    const hub = await startHubSimulator({ port: 0 });
    const checked = await startTogetherSimulator({
      hubUrl: hub.url,
      steps: { jobQueuedMs: 10, jobRunningMs: 10 },
    });
    const c = new Together({ apiKey: checked.apiKey, baseURL: checked.url, maxRetries: 0 });
    try {
      const project = (await c.whoami()).project_id;
      const base = (await c.beta.models.retrieveSupported("Qwen/Qwen2.5-7B-Instruct")).baseModelId;
      const model = await c.beta.models.create({
        projectId: project,
        name: "ghost",
        baseModelId: base,
        type: "model",
      });
      const job = await c.beta.models.remoteUploads.create({
        projectId: project,
        modelId: model.id,
        remoteUrl: "https://huggingface.co/acme/does-not-exist",
      });
      const failed = await soon(
        () => c.beta.models.remoteUploads.retrieve(job.id, { projectId: project }),
        (j) => j.status === "REMOTE_UPLOAD_STATUS_FAILED",
      );
      expect(failed.statusMessage).toContain("Repository Not Found");
      const events = await c.beta.models.remoteUploads.events(job.id, { projectId: project });
      expect(events.data[0]).toMatchObject({ type: "upload.failed", level: "LEVEL_ERROR" });
    } finally {
      await checked.close();
      await hub.close();
    }
  });
});
