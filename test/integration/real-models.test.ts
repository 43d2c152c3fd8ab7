import { DEFAULT_HUB_TOKEN } from "@hangar/simulators/huggingface/index";
import { describe, expect, it } from "vitest";
import { api, deploy, waitForState } from "../support/api";
import { providers } from "../support/providers";
import { stack } from "../support/stack";

const hubUrl = stack.huggingFaceUrl ?? "";
const error = (res: { body: Record<string, unknown> }) => res.body.error as { code: string; message: string };

/** The walk-through's model names work on the local stack, which reads them from its Hub simulator. */
describe.each(providers)("real model names on $provider", (p) => {
  it("deploys hf://Qwen/Qwen2.5-0.5B-Instruct to ready", async () => {
    const dep = await deploy({
      provider: p.provider,
      hardware: p.hardware,
      model: { source: "hf://Qwen/Qwen2.5-0.5B-Instruct" },
    });
    const ready = await waitForState(dep.id, ["ready", "failed"], { timeoutMs: 90_000 });
    expect(`${ready.state} ${ready.lastError?.message ?? ""}`.trim()).toBe("ready");
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("refuses a repo the Hub doesn't have at create, naming HF_ENDPOINT", async () => {
    const res = await api("/v1/deployments", {
      body: { provider: p.provider, hardware: p.hardware, model: { source: "hf://acme/does-not-exist" } },
    });
    expect(res.status).toBe(422);
    expect(error(res).code).toBe("model.source_not_found");
    expect(error(res).message).toContain(`hf://acme/does-not-exist was not found on the Hub at ${hubUrl}`);
    expect(error(res).message).toContain("HF_ENDPOINT");
    expect(error(res).message).toContain("local Hub simulator");
  });

  it("refuses a gated repo without hfToken at create, saying to accept its licence and pass one", async () => {
    const res = await api("/v1/deployments", {
      body: {
        provider: p.provider,
        hardware: p.hardware,
        model: { source: "hf://meta-llama/Llama-3.1-8B-Instruct" },
      },
    });
    expect(res.status).toBe(422);
    expect(error(res).code).toBe("model.source_unauthorized");
    expect(error(res).message).toContain("hf://meta-llama/Llama-3.1-8B-Instruct is gated");
    expect(error(res).message).toContain("accept its licence");
    expect(error(res).message).toContain("pass hfToken");
  });
});

describe("Hub repos at the Together simulator", () => {
  it("deploys a gated repo with an hfToken that opens it", async () => {
    const dep = await deploy({
      provider: "together",
      model: { source: "hf://meta-llama/Llama-3.1-8B-Instruct", hfToken: DEFAULT_HUB_TOKEN },
    });
    const ready = await waitForState(dep.id, ["ready", "failed"], { timeoutMs: 90_000 });
    expect(`${ready.state} ${ready.lastError?.message ?? ""}`.trim()).toBe("ready");
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("loads the public LoRA adapter for Qwen2.5-7B-Instruct onto that base", async () => {
    const base = await deploy({ model: { source: "Qwen/Qwen2.5-7B-Instruct" }, allowAdapters: true });
    await waitForState(base.id, "ready");
    const adapter = await deploy({
      provider: "together",
      model: { source: "hf://KB-SEC/Qwen2.5-7B-Instruct_v1", type: "adapter", baseDeploymentId: base.id },
    });
    const ready = await waitForState(adapter.id, ["ready", "failed"], { timeoutMs: 90_000 });
    expect(`${ready.state} ${ready.lastError?.message ?? ""}`.trim()).toBe("ready");
    await api(`/v1/deployments/${adapter.id}`, { method: "DELETE" });
    await waitForState(adapter.id, "deleted");
    await api(`/v1/deployments/${base.id}`, { method: "DELETE" });
  });

  /** Together takes the upload and fails its job when the importer meets the Hub's refusal. */
  async function upload(source: string, token?: string) {
    const call = async (path: string, body?: unknown) => {
      const res = await fetch(`${stack.togetherUrl}${path}`, {
        method: body ? "POST" : "GET",
        headers: {
          authorization: `Bearer ${stack.env.TOGETHER_API_KEY}`,
          "content-type": "application/json",
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      return (await res.json()) as Record<string, unknown>;
    };
    const started = (await call("/models", {
      model_name: `probe-${Date.now()}`,
      model_source: source,
      ...(token ? { hf_token: token } : {}),
    })) as { data: { job_id: string } };
    for (;;) {
      const job = (await call(`/jobs/${started.data.job_id}`)) as {
        status: string;
        status_updates: { status: string; message: string }[];
      };
      if (job.status === "Complete" || job.status === "Failed") return job;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it("fails the upload job of a missing repo with the Hub's reason", async () => {
    const job = await upload("acme/does-not-exist");
    expect(job.status).toBe("Failed");
    expect(job.status_updates.at(-1)).toMatchObject({ status: "Failed" });
    expect(job.status_updates.at(-1)?.message).toContain("Repository Not Found");
  });

  it("fails the upload job of a gated repo without hf_token, and completes it with one", async () => {
    const refused = await upload("meta-llama/Llama-3.1-8B-Instruct");
    expect(refused.status).toBe("Failed");
    expect(refused.status_updates.at(-1)?.message).toContain("Cannot access gated repo");
    expect((await upload("meta-llama/Llama-3.1-8B-Instruct", DEFAULT_HUB_TOKEN)).status).toBe("Complete");
    expect((await upload("https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct")).status).toBe("Complete");
  });
});
