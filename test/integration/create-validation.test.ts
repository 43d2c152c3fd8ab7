import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { api, deploy, waitForState } from "../support/api";
import { type ProviderCase, providers, simControl } from "../support/providers";

type ErrorBody = { code: string; message: string; details?: Record<string, unknown> };
const errorOf = (res: { body: Record<string, unknown> }) => res.body.error as ErrorBody;
const suggestionsOf = (error: ErrorBody) => (error.details?.suggestions ?? []) as string[];

/** Each provider's hardware: a typo of its own id, what it should suggest, and the other provider's id. */
const hardware = {
  together: { typo: "1x_h100", closest: "1xnvidia-h100-80gb", foreign: "1x_nvidia_h100_80gb" },
  fireworks: { typo: "1x_h100", closest: "1x_nvidia_h100_80gb", foreign: "1x_nvidia_h100_80gb_sxm" },
} as const;

/** Names of every upload and endpoint the provider's simulator holds. */
async function atProvider(p: ProviderCase): Promise<string[]> {
  if (p.provider === "together") {
    const state = (await simControl(p, "/state")) as {
      jobs: { args: { modelName?: string } }[];
      endpoints: { display_name: string }[];
      v2: { endpoints: { name: string }[]; deployments: { name: string }[]; models: { name: string }[] };
    };
    return [
      ...state.jobs.map((j) => j.args.modelName ?? ""),
      ...state.endpoints.map((e) => e.display_name),
      ...state.v2.endpoints.map((e) => e.name),
      ...state.v2.deployments.map((d) => d.name),
      ...state.v2.models.map((m) => m.name),
    ];
  }
  const state = (await simControl(p, "/state")) as {
    models: { name: string }[];
    deployments: { displayName: string }[];
  };
  return [...state.models.map((m) => m.name), ...state.deployments.map((d) => d.displayName)];
}

/** Every deployment of the tenant, newest first. */
async function deploymentIds() {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await api(`/v1/deployments?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    ids.push(...(page.body.data as { id: string }[]).map((d) => d.id));
    cursor = page.body.nextCursor as string | null;
  } while (cursor);
  return ids;
}

/**
 * Runs a request that must be refused and checks that it left nothing behind: no deployment, and
 * nothing new at the provider but what belongs to existing deployments (e.g. a base still uploading):
 * the provider's names carry the deployment's id, and a refused request has none.
 */
async function refusedWithNothingCreated(
  p: ProviderCase,
  send: () => Promise<{ status: number; body: Record<string, unknown> }>,
) {
  const ids = await deploymentIds();
  const names = new Set(await atProvider(p));
  const res = await send();
  expect(res.status).toBe(422);
  expect(await deploymentIds()).toEqual(ids);
  const known = ids.map((id) => id.slice(4).toLowerCase());
  const added = (await atProvider(p)).filter((n) => !names.has(n));
  expect(added.filter((n) => !known.some((id) => n.toLowerCase().includes(id)))).toEqual([]);
  return errorOf(res);
}

describe.each(providers)("creating on $provider", (p) => {
  const hw = hardware[p.provider];

  it("refuses an unknown hardware id with the closest ids and the route that lists the valid ones", async () => {
    const error = await refusedWithNothingCreated(p, () =>
      api("/v1/deployments", {
        body: { provider: p.provider, model: { source: p.upload }, hardware: hw.typo, name: "typo" },
      }),
    );
    expect(error.code).toBe("hardware.unknown");
    expect(error.details).toMatchObject({ hardware: hw.typo, list: `/v1/hardware?provider=${p.provider}` });
    expect(suggestionsOf(error)[0]).toBe(hw.closest);
    expect(error.message).toContain(`Did you mean ${hw.closest}`);
    expect(error.message).toContain(`GET /v1/hardware?provider=${p.provider}`);
  });

  it("refuses the other provider's hardware id the same way, suggesting its own equivalent", async () => {
    const error = await refusedWithNothingCreated(p, () =>
      api("/v1/deployments", {
        body: { provider: p.provider, model: { source: p.upload }, hardware: hw.foreign },
      }),
    );
    expect(error.code).toBe("hardware.unknown");
    expect(suggestionsOf(error)[0]).toBe(p.hardware);
  });

  it("checks the hardware against what can serve a model the provider already has, naming the route for it", async () => {
    const error = await refusedWithNothingCreated(p, () =>
      api("/v1/deployments", {
        body: { provider: p.provider, model: { source: p.catalog }, hardware: hw.typo },
      }),
    );
    expect(error.code).toBe("hardware.unknown");
    const route = `/v1/hardware?${new URLSearchParams({ provider: p.provider, model: p.catalog })}`;
    expect(error.details).toMatchObject({ model: p.catalog, list: route });
    const listed = await api(route);
    expect(listed.status).toBe(200);
    expect((listed.body.data as { id: string }[]).map((h) => h.id)).toContain(hw.closest);
  });

  it("refuses a replay of a refused request with the same Idempotency-Key just as it refused the first", async () => {
    const key = `refused-${randomUUID()}`;
    const send = () =>
      api("/v1/deployments", {
        headers: { "idempotency-key": key },
        body: { provider: p.provider, model: { source: p.upload }, hardware: hw.typo },
      });
    expect((await refusedWithNothingCreated(p, send)).code).toBe("hardware.unknown");
    expect((await refusedWithNothingCreated(p, send)).code).toBe("hardware.unknown");
  });

  it("answers 202 with the price of a known hardware id", async () => {
    const listed = await api(`/v1/hardware?provider=${p.provider}`);
    const expected = (listed.body.data as { id: string; pricePerHour: number }[]).find(
      (h) => h.id === p.hardware,
    );
    const dep = (await deploy({
      provider: p.provider,
      model: { source: p.catalog },
      hardware: p.hardware,
    })) as unknown as { id: string; price: { hardware: string; pricePerHour: number } | null; warnings: [] };
    expect(dep.price).toMatchObject({ hardware: p.hardware, pricePerHour: expected?.pricePerHour });
    expect(dep.warnings).toEqual([]);
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("refuses a hardware change to an unknown id and a change of allowAdapters, leaving the deployment as it was", async () => {
    const dep = await deploy({ provider: p.provider, model: { source: p.catalog }, hardware: p.hardware });
    const ready = await waitForState(dep.id, "ready");
    const patch = (body: unknown) => api(`/v1/deployments/${dep.id}`, { method: "PATCH", body });

    const unknown = await refusedWithNothingCreated(p, () => patch({ hardware: hw.typo }));
    expect(unknown.code).toBe("hardware.unknown");
    expect(suggestionsOf(unknown)[0]).toBe(hw.closest);

    const adapters = await refusedWithNothingCreated(p, () => patch({ allowAdapters: true }));
    expect(adapters.code).toBe("deployment.allow_adapters_immutable");
    expect(adapters.message).toContain(
      "create a new deployment of the same model and hardware with allowAdapters: true",
    );

    const after = await api(`/v1/deployments/${dep.id}`);
    expect(after.body).toMatchObject({ state: "ready", hardware: p.hardware, version: ready.version });
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("refuses an adapter whose adapter_config.json names another base than the deployment serves, naming both", async () => {
    const base = await deploy({
      provider: p.provider,
      model: { source: p.upload },
      hardware: p.hardware,
      allowAdapters: true,
    });
    const error = await refusedWithNothingCreated(p, () =>
      api("/v1/deployments", {
        body: {
          provider: p.provider,
          model: { source: "hf://acme/qwen-lora", type: "adapter", baseDeploymentId: base.id },
        },
      }),
    );
    expect(error.code).toBe("adapter.base_mismatch");
    expect(error.details).toEqual({
      adapter: "hf://acme/qwen-lora",
      trainedOn: "Qwen/Qwen2.5-7B-Instruct",
      serves: p.upload,
    });
    expect(error.message).toContain("Qwen/Qwen2.5-7B-Instruct");
    expect(error.message).toContain(p.upload);
    await api(`/v1/deployments/${base.id}`, { method: "DELETE" });
  });

  it("accepts an adapter whose adapter_config.json names no base, with a warning on the deployment", async () => {
    const base = await deploy({
      provider: p.provider,
      model: { source: p.upload },
      hardware: p.hardware,
      allowAdapters: true,
    });
    const adapter = await deploy({
      provider: p.provider,
      model: { source: "hf://acme/unlabelled-lora", type: "adapter", baseDeploymentId: base.id },
    });
    const expected = [{ code: "adapter.base_unknown", message: expect.stringContaining(p.upload) }];
    expect((adapter as unknown as { warnings: unknown }).warnings).toEqual(expected);
    expect((await api(`/v1/deployments/${adapter.id}`)).body.warnings).toEqual(expected);
    await api(`/v1/deployments/${adapter.id}`, { method: "DELETE" });
    await api(`/v1/deployments/${base.id}`, { method: "DELETE" });
  });
});

describe("adapters on Together", () => {
  const together = providers.find((p) => p.provider === "together") as ProviderCase;

  it("refuses an adapter given only baseModel, saying to load it onto a base deployment instead", async () => {
    const error = await refusedWithNothingCreated(together, () =>
      api("/v1/deployments", {
        body: {
          provider: "together",
          model: { source: "hf://acme/qwen-lora", type: "adapter", baseModel: together.catalog },
          hardware: together.hardware,
        },
      }),
    );
    expect(error.code).toBe("adapter.base_deployment_required");
    expect(error.message).toContain("allowAdapters: true");
    expect(error.message).toContain("baseDeploymentId");
  });

  it("refuses an adapter trained on another model than the catalog base it is loaded onto", async () => {
    const base = await deploy({
      provider: "together",
      model: { source: together.catalog },
      hardware: together.hardware,
      allowAdapters: true,
    });
    const error = await refusedWithNothingCreated(together, () =>
      api("/v1/deployments", {
        body: {
          provider: "together",
          model: { source: "hf://acme/tiny-lora", type: "adapter", baseDeploymentId: base.id },
        },
      }),
    );
    expect(error).toMatchObject({
      code: "adapter.base_mismatch",
      details: { trainedOn: "acme/tiny-llama", serves: together.catalog },
    });
    await api(`/v1/deployments/${base.id}`, { method: "DELETE" });
  });
});
