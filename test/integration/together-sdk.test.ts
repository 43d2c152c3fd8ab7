import { startTogetherSimulator, type TogetherSimulator } from "@hangar/simulators/together/index";
import Together from "together-ai";
import type { DedicatedEndpoint } from "together-ai/resources/endpoints";
import type { UploadStatusResponse } from "together-ai/resources/models/uploads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { soon } from "../support/until";

/**
 * Fidelity without the saved specs: Together's official SDK drives the simulator over HTTP through
 * every v1 route Hangar uses. The simulator's response builders are typed with the SDK's response
 * types, so `tsc` holds their shapes to the SDK's; this file holds their behaviour to it.
 */
let sim: TogetherSimulator;
let client: Together;

async function upload(name: string, extra: Partial<Together.ModelUploadParams> = {}) {
  const started = await client.models.upload({
    model_name: name,
    // A remote archive: the simulator does not look it up anywhere, and "7b" sizes it.
    model_source: `https://weights.example.com/${name}-7b.tar.gz`,
    ...extra,
  });
  const job = await soon(
    () => client.models.uploads.status(started.data.job_id),
    (j: UploadStatusResponse) => j.status === "Complete" || j.status === "Failed",
  );
  return { started, job };
}

beforeAll(async () => {
  sim = await startTogetherSimulator({
    steps: {
      jobQueuedMs: 20,
      jobRunningMs: 30,
      endpointPendingMs: 20,
      endpointStartingMs: 30,
      endpointStoppingMs: 20,
    },
  });
  // The SDK's base URL includes the version, as its default https://api.together.ai/v1 does.
  client = new Together({ apiKey: sim.apiKey, baseURL: sim.url, maxRetries: 0 });
});
afterAll(() => sim.close());

describe("Together's official SDK against the simulator", () => {
  let model: string;
  let endpoint: DedicatedEndpoint;

  it("lists hardware, with availability only when asked for a model", async () => {
    const all = await client.endpoints.listHardware();
    expect(all.object).toBe("list");
    expect(all.data.length).toBeGreaterThan(0);
    expect(all.data.every((h) => h.object === "hardware" && h.availability === undefined)).toBe(true);
    const forQwen = await client.endpoints.listHardware({ model: "Qwen/Qwen2.5-7B-Instruct" });
    const h100 = forQwen.data.find((h) => h.id === "1x_nvidia_h100_80gb_sxm");
    expect(h100).toMatchObject({
      pricing: { cents_per_minute: 5.6 },
      specs: { gpu_count: 1, gpu_memory: 80 },
      availability: { status: "available" },
    });
    expect(Number.isNaN(Date.parse(h100?.updated_at ?? ""))).toBe(false);
  });

  it("uploads a model, follows its job to Complete, and then lists the model", async () => {
    const { started, job } = await upload("sdk-qwen", { description: "from the SDK" });
    expect(started.message).toBe("Processing model weights. Job created.");
    expect(started.data).toMatchObject({
      model_name: `${sim.state.owner}/sdk-qwen`,
      model_source: "remote_archive",
    });
    expect(job).toMatchObject({
      job_id: started.data.job_id,
      type: "model_upload",
      status: "Complete",
      args: { modelName: `${sim.state.owner}/sdk-qwen`, description: "from the SDK" },
    });
    expect(job.status_updates.map((u) => u.status)).toEqual(["Queued", "Running", "Complete"]);
    model = started.data.model_name;
    const models = await client.models.list();
    expect(models.find((m) => m.id === model)).toMatchObject({ object: "model", type: "chat" });
    expect(models.find((m) => m.id === "Qwen/Qwen2.5-7B-Instruct")?.context_length).toBe(32_768);
  });

  it("creates a dedicated endpoint, reads it back, finds it in the list, and sees it start", async () => {
    endpoint = await client.endpoints.create({
      model,
      hardware: "1x_nvidia_l40s",
      autoscaling: { min_replicas: 1, max_replicas: 2 },
      display_name: "sdk endpoint",
      inactive_timeout: 0,
    });
    expect(endpoint).toMatchObject({
      object: "endpoint",
      type: "dedicated",
      model,
      hardware: "1x_nvidia_l40s",
      display_name: "sdk endpoint",
      owner: sim.state.owner,
      state: "PENDING",
      autoscaling: { min_replicas: 1, max_replicas: 2 },
    });
    expect(await client.endpoints.retrieve(endpoint.id)).toMatchObject({
      id: endpoint.id,
      name: endpoint.name,
    });
    const mine = await client.endpoints.list({ type: "dedicated", mine: true });
    expect(mine.object).toBe("list");
    expect(mine.data.map((e) => e.id)).toEqual([endpoint.id]);
    const started = await soon(
      () => client.endpoints.retrieve(endpoint.id),
      (e) => e.state === "STARTED",
    );
    expect(started.state).toBe("STARTED");
  });

  it("refuses hardware too small for the model with the SDK's BadRequestError", async () => {
    const error = await client.endpoints
      .create({
        model: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
        hardware: "1x_nvidia_l40s",
        autoscaling: { min_replicas: 1, max_replicas: 1 },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Together.BadRequestError);
    expect((error as InstanceType<typeof Together.BadRequestError>).message).toContain(
      "invalid hardware provided",
    );
  });

  it("answers chat completions, plain and streamed, in the SDK's shapes", async () => {
    const plain = await client.chat.completions.create({
      model: endpoint.name,
      messages: [{ role: "user", content: "hello" }],
    });
    expect(plain.object).toBe("chat.completion");
    expect(plain.model).toBe(endpoint.name);
    expect(plain.choices[0]?.message?.content).toContain("hello");
    expect(plain.usage?.total_tokens).toBe(
      (plain.usage?.prompt_tokens ?? 0) + (plain.usage?.completion_tokens ?? 0),
    );

    const stream = await client.chat.completions.create({
      model: endpoint.name,
      messages: [{ role: "user", content: "stream please" }],
      max_tokens: 3,
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toHaveLength(3);
    expect(chunks.every((c) => c.object === "chat.completion.chunk" && c.model === endpoint.name)).toBe(true);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("length");
    expect(chunks.map((c) => c.choices[0]?.delta.content).join("")).toBe(`Simulated answer from`);
  });

  it("binds an adapter trained on the endpoint's model, serves it, and unbinds it", async () => {
    const { started } = await upload("sdk-lora", { model_type: "adapter", base_model: model });
    const modelId = `${endpoint.name}:${started.data.model_name}`;
    expect(await client.endpoints.adapters.add(endpoint.id, { model_id: modelId })).toEqual({
      model_id: modelId,
    });
    expect(await client.endpoints.adapters.list(endpoint.id)).toEqual({
      object: "list",
      data: [{ adapter_name: started.data.model_name, endpoint_name: endpoint.name, model_id: modelId }],
    });
    const answer = await client.chat.completions.create({
      model: modelId,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(answer.model).toBe(modelId);
    expect(await client.endpoints.adapters.remove(endpoint.id, { model_id: modelId })).toEqual({
      deleted: true,
      model_id: modelId,
    });
    expect((await client.endpoints.adapters.list(endpoint.id)).data).toEqual([]);
  });

  it("scales and stops the endpoint through update, then deletes it", async () => {
    const scaled = await client.endpoints.update(endpoint.id, {
      autoscaling: { min_replicas: 2, max_replicas: 3 },
    });
    expect(scaled.autoscaling).toEqual({ min_replicas: 2, max_replicas: 3 });
    expect((await client.endpoints.update(endpoint.id, { state: "STOPPED" })).state).toBe("STOPPING");
    await soon(
      () => client.endpoints.retrieve(endpoint.id),
      (e) => e.state === "STOPPED",
    );
    await client.endpoints.delete(endpoint.id);
    const gone = await client.endpoints.retrieve(endpoint.id).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(Together.NotFoundError);
  });

  it("refuses a wrong key with the SDK's AuthenticationError", async () => {
    const wrong = new Together({ apiKey: "wrong", baseURL: sim.url, maxRetries: 0 });
    await expect(wrong.endpoints.list()).rejects.toBeInstanceOf(Together.AuthenticationError);
  });
});
