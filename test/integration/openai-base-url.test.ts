import * as ApiKey from "@hangar/core/apikey/index";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, type Deployment, deploy, waitForState } from "../support/api";
import { stack } from "../support/stack";

const client = new OpenAI({ baseURL: `${stack.apiUrl}/openai/v1`, apiKey: stack.apiKey, maxRetries: 0 });

describe("one OpenAI base URL for every deployment", () => {
  let dep: Deployment;

  beforeAll(async () => {
    dep = await deploy({ name: "openai-base-url" });
    await waitForState(dep.id, "ready");
  });

  afterAll(async () => {
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("lists the deployments that can serve as models, by name", async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain("openai-base-url");
    const one = await client.models.retrieve("openai-base-url");
    expect(one).toMatchObject({ id: "openai-base-url", object: "model", owned_by: "together" });
  });

  it("answers a plain chat completion addressed by the deployment's name", async () => {
    const completion = await client.chat.completions.create({
      model: "openai-base-url",
      messages: [{ role: "user", content: "Hello?" }],
      max_tokens: 16,
    });
    expect(completion.choices[0]?.message.content?.length).toBeGreaterThan(0);
    const after = (await api(`/v1/deployments/${dep.id}`)).body as unknown as Deployment;
    expect(after.lastActivityAt).not.toBeNull();
  });

  it("streams a chat completion addressed by the deployment's id", async () => {
    const stream = await client.chat.completions.create({
      model: dep.id,
      messages: [{ role: "user", content: "Count to three." }],
      stream: true,
    });
    let text = "";
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta?.content ?? "";
    }
    expect(chunks).toBeGreaterThan(1);
    expect(text.length).toBeGreaterThan(0);
  });

  it("answers an unknown model in OpenAI's error shape", async () => {
    const error = await client.chat.completions
      .create({ model: "no-such-deployment", messages: [{ role: "user", content: "Hi" }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    const res = await api("/openai/v1/chat/completions", {
      body: { model: "no-such-deployment", messages: [{ role: "user", content: "Hi" }] },
    });
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({
      message: "No deployment no-such-deployment.",
      type: "invalid_request_error",
      param: "model",
      code: "deployment.not_found",
    });
  });

  it("refuses a request without a key in OpenAI's error shape", async () => {
    const res = await api("/openai/v1/models", { key: null });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({
      type: "authentication_error",
      code: "auth.missing_key",
      param: null,
    });
  });

  it("refuses a request without a model in OpenAI's error shape", async () => {
    const res = await api("/openai/v1/chat/completions", {
      body: { messages: [{ role: "user", content: "Hi" }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: "invalid_request_error", param: "model" });
  });
});

describe("deployment names", () => {
  it("refuses a second live deployment with the same name, and frees the name once deleted", async () => {
    const first = await deploy({ name: "unique-name" });
    const clash = await api("/v1/deployments", {
      body: {
        provider: "together",
        model: { source: "hf://acme/tiny-llama" },
        hardware: "1x_nvidia_h100_80gb_sxm",
        name: "unique-name",
      },
    });
    expect(clash.status).toBe(409);
    expect((clash.body.error as { code: string }).code).toBe("deployment.name_taken");

    const byName = await api("/v1/deployments/unique-name");
    expect(byName.body.id).toBe(first.id);

    await api(`/v1/deployments/unique-name`, { method: "DELETE" });
    const gone = await api(`/v1/deployments/${first.id}?waitFor=deleted&timeoutSeconds=60`);
    expect(gone.headers.get("hangar-wait")).toBe("reached");
    expect(gone.body.state).toBe("deleted");

    const again = await deploy({ name: "unique-name" });
    expect(again.id).not.toBe(first.id);
    await api(`/v1/deployments/${again.id}`, { method: "DELETE" });
  });

  it("lets only one of two racing creates with one name win", async () => {
    const body = {
      provider: "together",
      model: { source: "hf://acme/tiny-llama" },
      hardware: "1x_nvidia_h100_80gb_sxm",
      name: "raced-name",
    };
    const results = await Promise.all([api("/v1/deployments", { body }), api("/v1/deployments", { body })]);
    expect(results.map((r) => r.status).sort()).toEqual([202, 409]);
    const winner = results.find((r) => r.status === 202);
    await api(`/v1/deployments/${winner?.body.id}`, { method: "DELETE" });
  });

  it("renames a deployment and refuses a name another one holds", async () => {
    const a = await deploy({ name: "rename-a" });
    const b = await deploy({ name: "rename-b" });
    const taken = await api("/v1/deployments/rename-a", { method: "PATCH", body: { name: "rename-b" } });
    expect(taken.status).toBe(409);
    expect((taken.body.error as { code: string }).code).toBe("deployment.name_taken");
    const renamed = await api("/v1/deployments/rename-a", { method: "PATCH", body: { name: "rename-c" } });
    expect(renamed.status).toBe(202);
    expect(renamed.body.name).toBe("rename-c");
    expect((await api("/v1/deployments/rename-c")).body.id).toBe(a.id);
    expect((await api("/v1/deployments/rename-a")).status).toBe(404);
    const reused = await api(`/v1/deployments/${b.id}`, { method: "PATCH", body: { name: "rename-a" } });
    expect(reused.status).toBe(202);
    for (const id of [a.id, b.id]) await api(`/v1/deployments/${id}`, { method: "DELETE" });
  });

  it("refuses a name that looks like a deployment id", async () => {
    const res = await api("/v1/deployments", {
      body: {
        provider: "together",
        model: { source: "hf://acme/tiny-llama" },
        hardware: "1x_nvidia_h100_80gb_sxm",
        name: "dep_01jd4k2z5x8q3w6e9r0t1y2u3i",
      },
    });
    expect(res.status).toBe(400);
  });
});

describe("waiting for a state", () => {
  it("holds the request until the deployment is ready and says it was reached", async () => {
    const dep = await deploy();
    const res = await api(`/v1/deployments/${dep.id}?waitFor=ready&timeoutSeconds=60`);
    expect(res.status).toBe(200);
    expect(res.headers.get("hangar-wait")).toBe("reached");
    expect(res.body.state).toBe("ready");
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("answers with the current state and says so when the time is up", async () => {
    const dep = await deploy();
    const res = await api(`/v1/deployments/${dep.id}?waitFor=stopped&timeoutSeconds=0`);
    expect(res.status).toBe(200);
    expect(res.headers.get("hangar-wait")).toBe("timeout");
    expect(res.body.state).not.toBe("stopped");
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("refuses a wait longer than the API function may run", async () => {
    const res = await api("/v1/deployments/whatever?waitFor=ready&timeoutSeconds=100000");
    expect(res.status).toBe(400);
  });
});

describe("what a provider can deploy", () => {
  it("lists Together's catalogue of base models", async () => {
    const res = await api("/v1/models?provider=together");
    expect(res.status).toBe(200);
    const data = res.body.data as { id: string; kind: string }[];
    expect(data).toContainEqual(
      expect.objectContaining({ id: "Qwen/Qwen2.5-7B-Instruct", kind: "catalogue" }),
    );
  });

  it("lists Fireworks' catalogue of base models", async () => {
    const res = await api("/v1/models?provider=fireworks");
    expect(res.status).toBe(200);
    const data = res.body.data as { id: string; kind: string }[];
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((m) => m.kind === "catalogue" || m.kind === "upload")).toBe(true);
    expect(data.some((m) => m.id.startsWith("accounts/fireworks/models/"))).toBe(true);
  });

  it("lists the caller's own uploads, and only to the caller", async () => {
    const dep = await deploy({ name: "catalogue-upload" });
    const ready = await waitForState(dep.id, "ready");
    const mine = (await api("/v1/models?provider=together")).body.data as {
      id: string;
      kind: string;
      deploymentId: string | null;
    }[];
    const upload = mine.find((m) => m.deploymentId === dep.id);
    // Uploaded on v2 (the default): listed by the model's resource name, which is what a deployment names.
    expect(upload).toMatchObject({ kind: "upload", id: ready.upstream.modelName });
    expect(upload?.id).toMatch(/^projects\/[^/]+\/models\/ml_\w+$/);

    const other = (await ApiKey.create({ tenantId: `ten_other_${Date.now()}` })).key;
    const theirs = (await api("/v1/models?provider=together", { key: other })).body.data as {
      id: string;
      deploymentId: string | null;
    }[];
    expect(theirs.some((m) => m.deploymentId === dep.id)).toBe(false);
    expect(theirs.some((m) => m.id === upload?.id)).toBe(false);
    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
  });

  it("refuses an unknown provider", async () => {
    expect((await api("/v1/models?provider=nope")).status).toBe(400);
  });
});
