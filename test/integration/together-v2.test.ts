import { describe, expect, it } from "vitest";
import { api, deploy, simState, waitForState } from "../support/api";

const QWEN = "Qwen/Qwen2.5-7B-Instruct";
const H100 = "1xnvidia-h100-80gb";
const chat = (id: string) =>
  api(`/v1/deployments/${id}/chat/completions`, { body: { messages: [{ role: "user", content: "hi" }] } });

type ErrorBody = { code: string; message: string; details?: Record<string, unknown> };

describe("Together v2 deployments", () => {
  it("changes hardware under the same inference name, serving every proxied request throughout", async () => {
    const dep = await deploy({ model: { source: QWEN }, hardware: H100 });
    const ready = await waitForState(dep.id, "ready");
    const name = ready.endpoint?.name;
    const [endpoint, oldDeployment] = (ready.upstream.endpointId as string).split("/");

    let sending = true;
    const statuses: number[] = [];
    const traffic = (async () => {
      while (sending) statuses.push((await chat(dep.id)).status);
    })();
    // A v1 hardware id: the deployment records it under its v2 name.
    const patch = await api(`/v1/deployments/${dep.id}`, {
      method: "PATCH",
      body: { hardware: "2x_nvidia_h100_80gb_sxm" },
    });
    expect(patch.status).toBe(202);
    const deadline = Date.now() + 60_000;
    let moved = ready;
    while (moved.hardware !== "2xnvidia-h100-80gb" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      moved = await waitForState(dep.id, "ready");
    }
    sending = false;
    await traffic;

    expect(moved.hardware).toBe("2xnvidia-h100-80gb");
    expect(moved.endpoint?.name).toBe(name);
    const [sameEndpoint, newDeployment] = (moved.upstream.endpointId as string).split("/");
    expect(sameEndpoint).toBe(endpoint);
    expect(newDeployment).not.toBe(oldDeployment);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    // The old deployment's delete runs on in the background until it is gone; the endpoint stays.
    for (let i = 0; i < 150; i++) {
      if (!(await simState()).v2.deployments.some((d) => d.id === oldDeployment)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const sim = await simState();
    expect(sim.v2.deployments.filter((d) => d.endpointId === endpoint).map((d) => d.id)).toEqual([
      newDeployment,
    ]);
    expect(sim.v2.endpoints.find((e) => e.id === endpoint)?.trafficSplit).toEqual([
      { deploymentId: newDeployment, weight: 1 },
    ]);
    expect((await chat(dep.id)).status).toBe(200);
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
    await waitForState(dep.id, "deleted");
    expect((await simState()).v2.endpoints.find((e) => e.id === endpoint)).toBeUndefined();
  });

  it("runs where a region is asked for, and refuses a region the hardware doesn't run in with the valid ones", async () => {
    const hardware = (await api(`/v1/hardware?provider=together&model=${encodeURIComponent(QWEN)}`)).body
      .data as { id: string; aliases?: string[]; regions?: { name: string; headroom: number | null }[] }[];
    const h100 = hardware.find((h) => h.id === H100);
    expect(h100?.aliases).toContain("1x_nvidia_h100_80gb_sxm");
    const regions = (h100?.regions ?? []).map((r) => r.name);
    expect(regions.length).toBeGreaterThan(1);

    const refused = await api("/v1/deployments", {
      body: { provider: "together", model: { source: QWEN }, hardware: H100, region: { name: "mars-1" } },
    });
    expect(refused.status).toBe(422);
    const error = refused.body.error as ErrorBody;
    expect(error.code).toBe("deployment.region_invalid");
    expect(error.details?.valid).toEqual(regions);

    const region = regions.at(-1) as string;
    const dep = await deploy({
      model: { source: QWEN },
      hardware: H100,
      region: { name: region, required: true },
    });
    expect(dep).toMatchObject({ apiVersion: "v2", region: { name: region, required: true } });
    const ready = await waitForState(dep.id, "ready");
    const deployment = (ready.upstream.endpointId as string).split("/")[1];
    expect((await simState()).v2.deployments.find((d) => d.id === deployment)?.region).toBe(region);
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("keeps a deployment asked for on v1 on v1, and lists deployments by API generation", async () => {
    const v1 = await deploy({
      model: { source: QWEN },
      hardware: "1x_nvidia_h100_80gb_sxm",
      apiVersion: "v1",
    });
    const v2 = await deploy({ model: { source: QWEN }, hardware: H100 });
    const ready = await waitForState(v1.id, "ready");
    expect(ready.apiVersion).toBe("v1");
    expect(ready.upstream.endpointId).toMatch(/^endpoint-/);
    expect(ready.hardware).toBe("1x_nvidia_h100_80gb_sxm");
    expect((await chat(v1.id)).status).toBe(200);

    const ids = async (query: string) =>
      (
        (await api(`/v1/deployments?limit=100&${query}`)).body.data as { id: string; apiVersion: string }[]
      ).map((d) => d.id);
    expect(await ids("provider=together&apiVersion=v1")).toContain(v1.id);
    expect(await ids("provider=together&apiVersion=v1")).not.toContain(v2.id);
    expect(await ids("provider=together&apiVersion=v2")).toContain(v2.id);
    expect(await ids("provider=together&apiVersion=v2")).not.toContain(v1.id);
    for (const id of [v1.id, v2.id]) await api(`/v1/deployments/${id}`, { method: "DELETE" });
  });

  it("refuses apiVersion and region for Fireworks, which has one API and no regions here", async () => {
    const base = {
      provider: "fireworks",
      model: { source: "hf://acme/tiny-llama" },
      hardware: "1x_nvidia_h100_80gb",
    };
    const version = await api("/v1/deployments", { body: { ...base, apiVersion: "v2" } });
    expect(version.status).toBe(422);
    expect((version.body.error as ErrorBody).code).toBe("deployment.api_version_unsupported");
    const region = await api("/v1/deployments", { body: { ...base, region: { name: "us-central-8" } } });
    expect(region.status).toBe(422);
    expect((region.body.error as ErrorBody).code).toBe("deployment.region_unsupported");
  });

  it("uploads a Hub model for a v2 deployment through v2's models and remote uploads, and for a v1 one through /v1/models", async () => {
    const v2 = await deploy({ model: { source: "hf://acme/tiny-llama" } });
    const v1 = await deploy({ model: { source: "hf://acme/tiny-llama" }, apiVersion: "v1" });
    const [ready2, ready1] = await Promise.all([waitForState(v2.id, "ready"), waitForState(v1.id, "ready")]);
    const sim = await simState();

    const model = sim.v2.models.find((m) => m.name === `${sim.v2.project.slug}/hangar-${v2.id}`);
    expect(model?.baseModelId).toMatch(/^ml_/);
    const upload = sim.v2.uploads.find((u) => u.modelId === model?.id);
    expect(upload).toMatchObject({
      remoteUrl: "https://huggingface.co/acme/tiny-llama",
      status: "REMOTE_UPLOAD_STATUS_SUCCEEDED",
    });
    expect(ready2.upstream).toMatchObject({
      uploadJobId: upload?.id,
      uploadStatus: "REVISION_VALIDATION_STATUS_SUCCESS",
      modelName: `projects/${model?.projectId}/models/${model?.id}`,
    });
    expect(sim.jobs.some((j) => j.args.modelName?.endsWith(`hangar-${v2.id}`))).toBe(false);

    expect(sim.jobs.filter((j) => j.args.modelName?.endsWith(`hangar-${v1.id}`))).toHaveLength(1);
    expect(ready1.upstream.uploadJobId).toMatch(/^job-/);
    expect(
      sim.v2.uploads.some(
        (u) => u.modelId === sim.v2.models.find((m) => m.name.endsWith(`hangar-${v1.id}`))?.id,
      ),
    ).toBe(false);
  });
});
