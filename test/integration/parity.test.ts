import { CreateQueueCommand, DeleteMessageCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { withActor } from "@hangar/core/actor";
import * as Deployment from "@hangar/core/deployment/index";
import type { Provider } from "@hangar/core/provider/index";
import { useProvider } from "@hangar/core/provider/lookup";
import { Job } from "@hangar/core/queue/jobs";
import { dynamo, sqsClient } from "@hangar/core/util/aws";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { api, deploy, waitForState } from "../support/api";
import { clearFaults, faults, parityCases } from "../support/providers";
import { startReceiver, verifySignature } from "../support/receiver";
import { stack } from "../support/stack";

/** One contract, every provider: the same behaviour through the same API. */
describe.each(parityCases)("on $name", (p) => {
  const body = (extra: Record<string, unknown> = {}) => ({
    provider: p.provider,
    hardware: p.hardware,
    ...p.create,
    ...extra,
  });
  const mine = async (id: string) => (await p.liveEndpoints()).filter((name) => name === `hangar-${id}`);

  afterEach(async () => {
    await clearFaults(p);
  });

  it("uploads, serves, tests, stops, starts and deletes, telling a webhook each time", async () => {
    const receiver = await startReceiver();
    const sub = await api("/v1/webhooks", { body: { url: receiver.url } });
    const dep = await deploy(body({ model: { source: p.upload } }));
    const ready = await waitForState(dep.id, "ready", { timeoutMs: 90_000 });
    expect(ready.endpoint?.name).toBeTruthy();
    const hook = await receiver.waitFor(
      (r) => r.json.type === "deployment.ready" && r.json.data.id === dep.id,
    );
    expect(verifySignature(sub.body.secret as string, hook)).toBe(true);

    const test = await api(`/v1/deployments/${dep.id}/test`, { body: { prompt: "Hello?" } });
    expect(test.status).toBe(200);
    expect((test.body.output as string).length).toBeGreaterThan(0);

    await api(`/v1/deployments/${dep.id}/stop`, { method: "POST" });
    expect((await waitForState(dep.id, "stopped")).stopReason).toBe("manual");
    await receiver.waitFor((r) => r.json.type === "deployment.stopped" && r.json.data.id === dep.id);

    await api(`/v1/deployments/${dep.id}/start`, { method: "POST" });
    await waitForState(dep.id, "ready");
    await receiver.waitFor((r) => r.json.type === "deployment.started" && r.json.data.id === dep.id);

    await api(`/v1/deployments/${dep.id}`, { method: "DELETE" });
    await waitForState(dep.id, "deleted");
    await receiver.waitFor((r) => r.json.type === "deployment.deleted" && r.json.data.id === dep.id);
    expect(await mine(dep.id)).toEqual([]);
    await api(`/v1/webhooks/${sub.body.id}`, { method: "DELETE" });
    await receiver.close();
  });

  it("fails a corrupted upload with the provider's reason and creates no endpoint", async () => {
    await p.failNextUpload();
    const dep = await deploy(body({ model: { source: p.upload } }));
    const failed = await waitForState(dep.id, "failed", { timeoutMs: 90_000 });
    expect(failed.lastError?.message).toMatch(/corrupt|invalid|failed/i);
    expect(await mine(dep.id)).toEqual([]);
  });

  it("refuses a source that doesn't exist at create, saying which and where it looked", async () => {
    const res = await api("/v1/deployments", {
      body: body({ model: { source: "hf://acme/no-such-model" } }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "model.source_not_found" });
    expect((res.body.error as { message: string }).message).toContain("hf://acme/no-such-model");
  });

  it("gets every deployment to ready through 20% provider errors, with exactly one endpoint each", async () => {
    await faults(p, { rates: { "429": 0.1, "500": 0.05, "503": 0.05 }, retry_after_ms: 50 });
    const deps = await Promise.all(
      Array.from({ length: 4 }, () => deploy(body({ model: { source: p.catalog } }))),
    );
    const settled = await Promise.all(
      deps.map((d) => waitForState(d.id, ["ready", "failed"], { timeoutMs: 90_000 })),
    );
    expect(settled.map((d) => `${d.state} ${d.lastError?.message ?? ""}`.trim())).toEqual(
      deps.map(() => "ready"),
    );
    for (const d of deps) expect(await mine(d.id)).toHaveLength(1);
  });

  it("loads a LoRA adapter onto a running base deployment and serves it there", async () => {
    const base = await deploy(body({ model: { source: p.catalog }, allowAdapters: true }));
    await waitForState(base.id, "ready");
    const adapter = await deploy({
      provider: p.provider,
      model: { source: p.adapter.source, type: "adapter", baseDeploymentId: base.id },
    });
    const ready = await waitForState(adapter.id, "ready", { timeoutMs: 90_000 });
    expect(ready.hardware).toBe(p.hardware);
    expect(ready.endpoint?.name).toMatch(p.adapter.name);
    const chat = await api(`/v1/deployments/${adapter.id}/chat/completions`, {
      body: { messages: [{ role: "user", content: "hi" }] },
    });
    expect(chat.status).toBe(200);
    const stop = await api(`/v1/deployments/${adapter.id}/stop`, { method: "POST" });
    expect(stop.status).toBe(409);
    expect((stop.body.error as { code: string }).code).toBe("deployment.adapter_follows_base");
    await api(`/v1/deployments/${adapter.id}`, { method: "DELETE" });
    await waitForState(adapter.id, "deleted");
    const gone = await api(`/v1/deployments/${adapter.id}/chat/completions`, {
      body: { messages: [{ role: "user", content: "hi" }] },
    });
    expect(gone.status).not.toBe(200);
    expect((await api(`/v1/deployments/${base.id}`)).body.state).toBe("ready");
    await api(`/v1/deployments/${base.id}`, { method: "DELETE" });
  });

  it("refuses an adapter onto a deployment that doesn't allow adapters", async () => {
    const base = await deploy(body({ model: { source: p.catalog } }));
    const res = await api("/v1/deployments", {
      body: {
        provider: p.provider,
        model: { source: p.adapter.source, type: "adapter", baseDeploymentId: base.id },
      },
    });
    expect(res.status).toBe(422);
    expect((res.body.error as { code: string }).code).toBe("deployment.base_invalid");
    await api(`/v1/deployments/${base.id}`, { method: "DELETE" });
  });

  describe("duplicate and redelivered jobs", () => {
    const tenant = { type: "tenant" as const, tenantId: stack.tenantId, keyId: "key_test" };
    let queueUrl: string;
    let shared: string | undefined;
    let provider: Provider;

    // These jobs go to a queue of this test's own, so the stack's workers never see them.
    beforeAll(async () => {
      provider = await useProvider(p.provider);
      queueUrl = (
        await sqsClient().send(new CreateQueueCommand({ QueueName: `parity-${p.name}-${Date.now()}` }))
      ).QueueUrl as string;
      shared = process.env.HANGAR_JOBS_QUEUE_URL;
      process.env.HANGAR_JOBS_QUEUE_URL = queueUrl;
    });
    afterAll(() => {
      process.env.HANGAR_JOBS_QUEUE_URL = shared;
    });

    async function nextJob() {
      for (let i = 0; i < 20; i++) {
        const res = await sqsClient().send(
          new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1 }),
        );
        const message = res.Messages?.[0];
        if (!message) continue;
        await sqsClient().send(
          new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
        );
        const job = Job.parse(JSON.parse(message.Body as string));
        if (job.type === "deployment.step") return job;
      }
      throw new Error("no job arrived");
    }

    const create = () =>
      withActor(tenant, () =>
        Deployment.create(body({ model: { source: p.catalog } }) as Deployment.CreateInput),
      );

    it("creates no second endpoint when the worker crashes after the provider call and the job comes back", async () => {
      const dep = await create();
      expect(await Deployment.step(await nextJob(), { provider })).toBe("done"); // queued → provisioning
      const job = await nextJob();
      const crashing: Provider = {
        ...provider,
        createEndpoint: async (input) => {
          await provider.createEndpoint(input);
          throw new Error("worker crashed before recording the endpoint");
        },
      };
      await expect(Deployment.step(job, { provider: crashing })).rejects.toThrow(/crashed/);
      expect(await mine(dep.id)).toHaveLength(1);
      // SQS redelivers the same message.
      expect(await Deployment.step(job, { provider })).toBe("done");
      expect(await mine(dep.id)).toHaveLength(1);
      const info = await withActor(tenant, () => Deployment.get(dep.id));
      expect(info.upstream.endpointId).toBeTruthy();
    });

    it("lets the chain a request starts act past a lease its replaced step still holds, then undoes that step's late stop", async () => {
      const dep = await create();
      const state = async () => (await withActor(tenant, () => Deployment.get(dep.id))).state;
      while ((await state()) !== "ready") await Deployment.step(await nextJob(), { provider });

      await withActor(tenant, () => Deployment.stop(dep.id));
      const stop = await nextJob();
      let release = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      let inside = () => {};
      const entered = new Promise<void>((r) => {
        inside = r;
      });
      const slow: Provider = {
        ...provider,
        getEndpoint: async (id) => {
          inside();
          await held;
          return provider.getEndpoint(id);
        },
      };
      const stale = Deployment.step(stop, { provider: slow });
      await entered;

      await withActor(tenant, () => Deployment.start(dep.id));
      // The lease as a start that read the row just before the stop's step claimed it leaves it:
      // still held by the stop's step, whose chain the start replaced.
      await dynamo().send(
        new UpdateCommand({
          TableName: stack.env.HANGAR_TABLE,
          Key: { pk: `DEP#${dep.id}`, sk: "META" },
          UpdateExpression: "SET leaseUntil = :until, leaseFor = :holder",
          ExpressionAttributeValues: {
            ":until": new Date(Date.now() + 60_000).toISOString(),
            ":holder": stop.checkId,
          },
        }),
      );
      expect(await Deployment.step(await nextJob(), { provider })).toBe("done");
      expect(await state()).toBe("ready");

      // The replaced step now stops the endpoint late; its commit is refused and it asks for a look.
      release();
      expect(await stale).toBe("stale");
      const look = await nextJob();
      expect(await Deployment.step(look, { provider })).toBe("done");
      expect(await state()).toBe("updating");
      while ((await state()) !== "ready") await Deployment.step(await nextJob(), { provider });
      const events = await withActor(tenant, () => Deployment.events(dep.id, "hangar"));
      expect(events.at(-2)?.reason).toMatch(/^converge/);
    });

    it("lets only one of two copies of a job act, and drops a copy that arrives after it", async () => {
      const dep = await create();
      await Deployment.step(await nextJob(), { provider });
      const job = await nextJob();
      const results = await Promise.all([
        Deployment.step(job, { provider }),
        Deployment.step(job, { provider }),
      ]);
      expect(results.sort()).toEqual(["busy", "done"]);
      expect(await Deployment.step(job, { provider })).toBe("stale");
      expect(await mine(dep.id)).toHaveLength(1);
    });
  });
});
