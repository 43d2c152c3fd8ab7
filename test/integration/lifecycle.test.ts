import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, type Deployment, deploy, simState, waitForState } from "../support/api";
import { startReceiver, verifySignature } from "../support/receiver";

describe("a deployment's whole life on Together", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let secret: string;
  let dep: Deployment;

  beforeAll(async () => {
    receiver = await startReceiver();
    const sub = await api("/v1/webhooks", { body: { url: receiver.url } });
    expect(sub.status).toBe(201);
    expect(sub.body.id).toMatch(/^whk_/);
    secret = sub.body.secret as string;
    expect(secret).toMatch(/^whsec_/);
  });

  afterAll(async () => {
    await receiver.close();
  });

  it("accepts a deployment and answers 202 with it queued", async () => {
    dep = await deploy({ name: "support-bot", idleTimeoutMinutes: 30 });
    expect(dep.id).toMatch(/^dep_[0-9a-z]{26}$/);
    expect(dep.state).toBe("queued");
  });

  it("uploads, provisions and becomes ready, with a signed deployment.ready webhook", async () => {
    const ready = await waitForState(dep.id, "ready");
    // On Together v2 (the default) the endpoint is named for the deployment, inside the key's project (slug devuser).
    expect(ready.apiVersion).toBe("v2");
    expect(ready.endpoint?.name).toBe(`devuser/hangar-${dep.id.replace("_", "-")}`);
    expect(ready.upstream.endpointId).toMatch(/^ep_\w+\/dep_\w+$/);
    expect(ready.upstream.endpointState).toBe("DEPLOYMENT_STATE_READY");
    expect(ready.observed?.readyReplicas).toBe(1);
    // Uploaded through v2's remote uploads (v1's jobs are `job-…`), deployed by the model's resource name.
    expect(ready.upstream.uploadJobId).toMatch(/^job_/);
    expect(ready.upstream.modelName).toMatch(/^projects\/[^/]+\/models\/ml_\w+$/);

    const hook = await receiver.waitFor(
      (r) => r.json.type === "deployment.ready" && r.json.data.id === dep.id,
    );
    expect(verifySignature(secret, hook)).toBe(true);
    expect(verifySignature(`whsec_${Buffer.from("wrong").toString("base64")}`, hook)).toBe(false);
    expect(hook.headers["webhook-id"]).toMatch(/^evt_/);
    expect(hook.json.data.state).toBe("ready");

    const events = await api(`/v1/deployments/${dep.id}/events?kind=hangar`);
    expect((events.body.data as { to: string }[]).map((e) => e.to)).toEqual([
      "queued",
      "uploading",
      "provisioning",
      "ready",
    ]);
  });

  it("smoke-tests the endpoint without counting it as activity", async () => {
    const res = await api(`/v1/deployments/${dep.id}/test`, { body: { prompt: "Hello?" } });
    expect(res.status).toBe(200);
    expect(typeof res.body.output).toBe("string");
    expect((res.body.output as string).length).toBeGreaterThan(0);
    expect(res.body.latencyMs).toBeGreaterThanOrEqual(0);
    expect((res.body.usage as { totalTokens: number }).totalTokens).toBeGreaterThan(0);
    const after = await api(`/v1/deployments/${dep.id}`);
    expect(after.body.lastActivityAt).toBeNull();
  });

  it("proxies OpenAI chat completions, plain and streaming, and counts them as activity", async () => {
    const plain = await api(`/v1/deployments/${dep.id}/chat/completions`, {
      body: { model: "ignored", messages: [{ role: "user", content: "Hi" }], max_tokens: 8 },
    });
    expect(plain.status).toBe(200);
    expect((plain.body.choices as unknown[]).length).toBe(1);

    const streamed = await api(`/v1/deployments/${dep.id}/chat/completions`, {
      body: { messages: [{ role: "user", content: "Hi" }], stream: true },
    });
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("content-type")).toContain("text/event-stream");
    expect(streamed.text.trim().endsWith("data: [DONE]")).toBe(true);

    const after = await api(`/v1/deployments/${dep.id}`);
    expect(after.body.lastActivityAt).not.toBeNull();
  });

  it("scales autoscaling in place", async () => {
    const res = await api(`/v1/deployments/${dep.id}`, {
      method: "PATCH",
      body: { autoscaling: { minReplicas: 1, maxReplicas: 3 } },
    });
    expect(res.status).toBe(202);
    expect(res.body.state).toBe("updating");
    const ready = await waitForState(dep.id, "ready");
    expect(ready.autoscaling).toEqual({ minReplicas: 1, maxReplicas: 3 });
    await receiver.waitFor((r) => r.json.type === "deployment.updated" && r.json.data.id === dep.id);
  });

  it("stops, with the reason in the webhook", async () => {
    const res = await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    expect(res.status).toBe(202);
    expect(res.body.state).toBe("stopping");
    const stopped = await waitForState(dep.id, "stopped");
    expect(stopped.stopReason).toBe("manual");
    expect(stopped.upstream.endpointState).toBe("DEPLOYMENT_STATE_STOPPED");
    expect(stopped.observed?.readyReplicas).toBe(0);
    const hook = await receiver.waitFor(
      (r) => r.json.type === "deployment.stopped" && r.json.data.id === dep.id,
    );
    expect(hook.json.data.stopReason).toBe("manual");
  });

  it("refuses to stop what is already stopped", async () => {
    const res = await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    expect(res.status).toBe(409);
    expect((res.body.error as { code: string }).code).toBe("deployment.invalid_state");
  });

  it("starts again on the same endpoint", async () => {
    const before = await api(`/v1/deployments/${dep.id}`);
    expect((await api(`/v1/deployments/${dep.id}/start`, { method: "POST" })).status).toBe(202);
    const ready = await waitForState(dep.id, "ready");
    expect(ready.upstream.endpointId).toBe((before.body.upstream as { endpointId: string }).endpointId);
    await receiver.waitFor((r) => r.json.type === "deployment.started" && r.json.data.id === dep.id);
  });

  it("deletes the endpoint at the provider", async () => {
    const endpointId = (await waitForState(dep.id, "ready")).upstream.endpointId;
    expect((await api(`/v1/deployments/${dep.id}`, { method: "DELETE" })).status).toBe(202);
    await waitForState(dep.id, "deleted");
    await receiver.waitFor((r) => r.json.type === "deployment.deleted" && r.json.data.id === dep.id);
    // v2's delete order ran through: the deployment and then its empty endpoint are gone.
    const [endpoint, deployment] = (endpointId as string).split("/");
    const sim = await simState();
    expect(sim.v2.deployments.find((d) => d.id === deployment)).toBeUndefined();
    expect(sim.v2.endpoints.find((e) => e.id === endpoint)).toBeUndefined();
  });

  it("delivers each event once per subscription, each under its own webhook-id", async () => {
    const mine = receiver.received.filter((r) => r.json.data.id === dep.id);
    const types = mine.map((r) => r.json.type);
    for (const type of [
      "deployment.ready",
      "deployment.updated",
      "deployment.stopped",
      "deployment.started",
      "deployment.deleted",
    ]) {
      expect(types.filter((t) => t === type)).toHaveLength(1);
    }
    const ids = mine.map((r) => r.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
