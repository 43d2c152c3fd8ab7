import { afterEach, describe, expect, it } from "vitest";
import { api, deploy, simControl, simState, waitForState } from "../support/api";
import { startReceiver } from "../support/receiver";

describe("when things go wrong at the provider", () => {
  afterEach(async () => {
    await simControl("/faults", undefined, "DELETE");
  });

  it("fails a deployment whose upload is corrupted, with the provider's reason, and tells the webhook", async () => {
    const receiver = await startReceiver();
    await api("/v1/webhooks", { body: { url: receiver.url, events: ["deployment.failed"] } });
    await simControl("/uploads/fail-next", {});
    const dep = await deploy({ model: { source: "hf://acme/tiny-llama" } });
    const failed = await waitForState(dep.id, "failed");
    expect(failed.lastError?.code).toBe("upload.failed");
    expect(failed.lastError?.message).toMatch(/safetensors/);
    const hook = await receiver.waitFor((r) => r.json.data.id === dep.id);
    expect(hook.json.type).toBe("deployment.failed");
    expect((hook.json.data.lastError as { message: string }).message).toMatch(/corrupted/);
    expect((await simState()).endpoints.filter((e) => e.display_name === `hangar-${dep.id}`)).toHaveLength(0);
    await receiver.close();
  });

  it("refuses hardware that can't serve a model the provider has, before creating anything", async () => {
    const before = await simState();
    const res = await api("/v1/deployments", {
      body: {
        provider: "together",
        model: { source: "meta-llama/Llama-3.3-70B-Instruct-Turbo" },
        hardware: "1x_nvidia_l40s",
      },
    });
    expect(res.status).toBe(422);
    // A v1 id, checked against Together v2's instance types (the default generation), suggesting v2's.
    expect(res.body.error).toMatchObject({
      code: "hardware.incompatible",
      details: { suggestions: expect.arrayContaining(["2xnvidia-h100-80gb"]) },
    });
    expect((await simState()).endpoints).toHaveLength(before.endpoints.length);
  });

  it("fails on hardware the provider has no capacity for, with its reason and nothing left running", async () => {
    // Together v1 refuses the create; v2 places the deployment DEGRADED until capacity frees.
    const dep = await deploy({
      model: { source: "hf://acme/tiny-llama" },
      hardware: "1x_nvidia_a100_80gb_pcie",
      apiVersion: "v1",
    });
    const failed = await waitForState(dep.id, "failed");
    expect(failed.lastError?.message).toMatch(/1x_nvidia_a100_80gb_pcie is currently unavailable/);
    expect(failed.lastError?.code).toMatch(/^provider\./);
    const running = (await simState()).endpoints.filter(
      (e) => e.display_name === `hangar-${dep.id}` && !e.deleted,
    );
    expect(running).toHaveLength(0);
  });

  it("gets every deployment to ready through 20% provider errors, with exactly one endpoint each", async () => {
    await simControl("/faults", { rates: { "429": 0.1, "500": 0.05, "503": 0.05 }, retry_after_ms: 50 });
    const deps = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        deploy({ name: `faulty-${i}`, model: { source: "hf://acme/tiny-llama" } }),
      ),
    );
    const settled = await Promise.all(
      deps.map((d) => waitForState(d.id, ["ready", "failed"], { timeoutMs: 90_000 })),
    );
    expect(settled.map((d) => d.state)).toEqual(deps.map(() => "ready"));
    const sim = await simState();
    for (const d of deps) {
      const name = `hangar-${d.id.replace("_", "-")}`;
      expect(sim.v2.deployments.filter((x) => x.name.endsWith(`/${name}/${name}`))).toHaveLength(1);
      expect(sim.v2.endpoints.filter((x) => x.name.endsWith(`/${name}`))).toHaveLength(1);
      // Uploaded through v2: one model record and one remote upload each, nothing on v1's /models.
      const models = sim.v2.models.filter((m) => m.name.endsWith(`/hangar-${d.id}`));
      expect(models).toHaveLength(1);
      expect(sim.v2.uploads.filter((u) => u.modelId === models[0]?.id)).toHaveLength(1);
      expect(sim.jobs.filter((j) => j.args.modelName?.endsWith(`/hangar-${d.id}`))).toHaveLength(0);
    }
  });

  it("notices a Together v2 deployment that went to FAILED and fails the deployment", async () => {
    const dep = await deploy({ model: { source: "Qwen/Qwen2.5-7B-Instruct" } });
    const ready = await waitForState(dep.id, "ready");
    const deployment = (ready.upstream.endpointId as string).split("/")[1];
    await simControl(`/deployments/${deployment}/fail`, {});
    await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    const failed = await waitForState(dep.id, "failed");
    expect(failed.lastError?.code).toBe("endpoint.failed");
    expect(failed.lastError?.message).toMatch(/DEPLOYMENT_STATE_FAILED/);
  });

  it("notices a v1 endpoint that went to ERROR and fails the deployment", async () => {
    const dep = await deploy({ model: { source: "Qwen/Qwen2.5-7B-Instruct" }, apiVersion: "v1" });
    const ready = await waitForState(dep.id, "ready");
    await simControl(`/endpoints/${ready.upstream.endpointId}/error`, { state: "ERROR" });
    // Settled deployments are watched at HANGAR_WATCH_SECONDS; a stop makes Hangar look at once.
    await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    const failed = await waitForState(dep.id, "failed");
    expect(failed.lastError?.code).toBe("endpoint.failed");
    expect(failed.lastError?.message).toMatch(/ERROR/);
  });
});
