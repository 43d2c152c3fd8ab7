import { withActor } from "@hangar/core/actor";
import * as Deployment from "@hangar/core/deployment/index";
import { load } from "@hangar/core/deployment/write";
import { describe, expect, it } from "vitest";
import { api, deploy, waitForState } from "../support/api";
import { providers, simControl } from "../support/providers";

const fireworks = providers.find((p) => p.provider === "fireworks")!;
const body = (extra: Record<string, unknown>) => ({
  provider: "fireworks",
  hardware: "1x_nvidia_h100_80gb",
  ...extra,
});
type SimDeployment = {
  displayName: string;
  name: string;
  state: string;
  minReplicaCount?: number;
  maxReplicaCount?: number;
  precision?: string;
  autoscalingPolicy?: { scaleToZeroWindow?: string };
};
const simDeployment = async (id: string) => {
  const state = (await simControl(fireworks, "/state")) as { deployments: SimDeployment[] };
  return state.deployments.find((d) => d.displayName === `hangar-${id}`);
};

describe("Fireworks specifics", () => {
  it("streams every file of a Hugging Face repo to Fireworks and records the progress", async () => {
    const dep = await deploy(body({ model: { source: "hf://acme/tiny-llama" } }));
    const ready = await waitForState(dep.id, "ready", { timeoutMs: 90_000 });
    const upload = (await api(`/v1/deployments/${dep.id}`)).body.upload as {
      bytesDone: number;
      bytesTotal: number;
      files: { path: string; done: boolean }[];
    };
    expect(upload.bytesTotal).toBeGreaterThan(4 * 1024 * 1024);
    expect(upload.bytesDone).toBe(upload.bytesTotal);
    expect(upload.files.map((f) => f.path)).toContain("model.safetensors");
    expect(upload.files.every((f) => f.done)).toBe(true);
    expect(ready.upstream.uploadStatus).toMatch(/READY/);
  });

  it("takes a precision Fireworks accepts, and lists the valid ones when it doesn't", async () => {
    const bad = await api("/v1/deployments", {
      body: body({ model: { source: fireworks.catalog }, precision: "INT8" }),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({
      code: "deployment.precision_invalid",
      details: { valid: expect.arrayContaining(["FP8", "FP16"]) },
    });
    const dep = await deploy(body({ model: { source: fireworks.catalog }, precision: "FP8" }));
    await waitForState(dep.id, "ready");
    expect((await simDeployment(dep.id))?.precision).toBe("FP8");
  });

  it("stops by scaling to zero and keeping the deployment, and starts by restoring its replicas", async () => {
    const dep = await deploy(
      body({ model: { source: fireworks.catalog }, autoscaling: { minReplicas: 1, maxReplicas: 3 } }),
    );
    await waitForState(dep.id, "ready");
    await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    await waitForState(dep.id, "stopped");
    expect(await simDeployment(dep.id)).toMatchObject({
      state: "READY",
      minReplicaCount: 0,
      maxReplicaCount: 0,
    });
    await api(`/v1/deployments/${dep.id}/start`, { method: "POST" });
    await waitForState(dep.id, "ready");
    expect(await simDeployment(dep.id)).toMatchObject({ minReplicaCount: 1, maxReplicaCount: 3 });
  });

  it("sets scale to zero at Fireworks as a window, distinct from a stop", async () => {
    const dep = await deploy(
      body({
        model: { source: fireworks.catalog },
        autoscaling: { minReplicas: 0, maxReplicas: 2 },
        scaleToZero: { afterIdleMinutes: 15 },
      }),
    );
    const ready = await waitForState(dep.id, "ready");
    expect((await api(`/v1/deployments/${dep.id}`)).body.scaleToZero).toEqual({ afterIdleMinutes: 15 });
    expect(ready.state).toBe("ready");
    expect((await simDeployment(dep.id))?.autoscalingPolicy?.scaleToZeroWindow).toBe("900s");
  });

  it("notices when Fireworks deletes a deployment left at zero replicas for 7 days, and says so", async () => {
    const dep = await deploy(body({ model: { source: fireworks.catalog } }));
    await waitForState(dep.id, "ready");
    await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    await waitForState(dep.id, "stopped");
    await simControl(fireworks, "/clock", { seconds: 8 * 24 * 3600 });
    // Settled deployments are checked every HANGAR_WATCH_SECONDS; run that check now.
    const row = await load(dep.id);
    expect(
      await withActor({ type: "system" }, () =>
        Deployment.step({ deploymentId: dep.id, checkId: row?.checkId ?? "" }),
      ),
    ).toBe("done");
    const gone = await waitForState(dep.id, "deleted");
    expect(gone.stopReason).toBe(
      "provider: fireworks deleted the endpoint after 7 days at zero replicas without traffic",
    );
  });

  it("creates an adapter with the LoRA rank and target modules of its adapter_config.json", async () => {
    const base = await deploy(body({ model: { source: fireworks.catalog }, allowAdapters: true }));
    await waitForState(base.id, "ready");
    const adapter = await deploy({
      provider: "fireworks",
      model: { source: "hf://acme/tiny-lora", type: "adapter", baseDeploymentId: base.id },
    });
    const ready = await waitForState(adapter.id, "ready", { timeoutMs: 90_000 });
    const state = (await simControl(fireworks, "/state")) as {
      models: { name: string; peftDetails?: { r: number; targetModules: string[] } }[];
    };
    expect(state.models.find((m) => m.name === ready.upstream.modelName)?.peftDetails).toMatchObject({
      r: 8,
      targetModules: ["q_proj", "v_proj"],
    });
  });

  it("refuses an adapter without an adapter_config.json before anything is created", async () => {
    const before = ((await simControl(fireworks, "/state")) as { models: unknown[] }).models.length;
    const res = await api("/v1/deployments", {
      body: body({
        model: { source: "hf://acme/tiny-llama", type: "adapter", baseModel: fireworks.catalog },
      }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "adapter.config_missing" });
    expect((res.body.error as { message: string }).message).toContain("adapter_config.json");
    expect(((await simControl(fireworks, "/state")) as { models: unknown[] }).models).toHaveLength(before);
  });

  it("lists hardware with prices from Hangar's dated table, saying so", async () => {
    const res = await api("/v1/hardware?provider=fireworks");
    expect(res.status).toBe(200);
    const data = res.body.data as {
      id: string;
      pricePerHour: number;
      priceSource: string;
      priceAsOf: string;
    }[];
    expect(data.length).toBeGreaterThan(0);
    for (const h of data) {
      expect(h.pricePerHour).toBeGreaterThan(0);
      expect(h.priceSource).toBe("table");
      expect(h.priceAsOf).toMatch(/^\d{4}-\d{2}-\d{2}/);
    }
  });
});

describe("what Together can't do, refused up front", () => {
  const together = {
    provider: "together",
    model: { source: "Qwen/Qwen2.5-7B-Instruct" },
    hardware: "1x_nvidia_h100_80gb_sxm",
  };

  it.each([
    ["a precision", { precision: "FP8" }, "deployment.precision_unsupported"],
    [
      "scale to zero",
      { autoscaling: { minReplicas: 0, maxReplicas: 1 }, scaleToZero: { afterIdleMinutes: 10 } },
      "deployment.scale_to_zero_unsupported",
    ],
    [
      "min replicas 0",
      { autoscaling: { minReplicas: 0, maxReplicas: 1 } },
      "deployment.scale_to_zero_unsupported",
    ],
  ])("answers 422 for %s", async (_, extra, code) => {
    const res = await api("/v1/deployments", { body: { ...together, ...extra } });
    expect(res.status).toBe(422);
    expect((res.body.error as { code: string }).code).toBe(code);
  });
});
