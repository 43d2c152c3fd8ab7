import { CreateQueueCommand, DeleteMessageCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { withActor } from "@hangar/core/actor";
import * as Deployment from "@hangar/core/deployment/index";
import type { Provider } from "@hangar/core/provider/index";
import { createTogetherProvider } from "@hangar/core/providers/together/index";
import { Job } from "@hangar/core/queue/jobs";
import { sqsClient } from "@hangar/core/util/aws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simState } from "../support/api";
import { stack } from "../support/stack";

/**
 * These tests drive the worker's step by hand. Their jobs go to a queue of their own, so the
 * stack's workers never see them; DynamoDB and the simulator are the stack's.
 */
describe("duplicate and redelivered jobs", () => {
  const tenant = { type: "tenant" as const, tenantId: stack.tenantId, keyId: "key_test" };
  let queueUrl: string;
  let sharedQueue: string | undefined;
  const provider = createTogetherProvider({
    apiKey: stack.env.TOGETHER_API_KEY,
    baseUrl: stack.env.TOGETHER_BASE_URL,
  });

  beforeAll(async () => {
    const created = await sqsClient().send(new CreateQueueCommand({ QueueName: `redelivery-${Date.now()}` }));
    queueUrl = created.QueueUrl as string;
    sharedQueue = process.env.HANGAR_JOBS_QUEUE_URL;
    process.env.HANGAR_JOBS_QUEUE_URL = queueUrl;
  });

  afterAll(() => {
    process.env.HANGAR_JOBS_QUEUE_URL = sharedQueue;
  });

  async function nextJob() {
    for (let i = 0; i < 20; i++) {
      const res = await sqsClient().send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 1 }),
      );
      const message = res.Messages?.[0];
      if (message) {
        await sqsClient().send(
          new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
        );
        const job = Job.parse(JSON.parse(message.Body as string));
        if (job.type === "deployment.step") return job;
      }
    }
    throw new Error("no job arrived");
  }

  const create = () =>
    withActor(tenant, () =>
      Deployment.create({
        provider: "together",
        model: { source: "Qwen/Qwen2.5-7B-Instruct" },
        hardware: "1x_nvidia_h100_80gb_sxm",
      }),
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
    const mine = () =>
      simState().then((s) => s.endpoints.filter((e) => e.display_name === `hangar-${dep.id}`));
    expect(await mine()).toHaveLength(1);

    // SQS redelivers the same message.
    expect(await Deployment.step(job, { provider })).toBe("done");
    expect(await mine()).toHaveLength(1);
    const info = await withActor(tenant, () => Deployment.get(dep.id));
    expect(info.upstream.endpointId).toBe((await mine())[0]?.id);
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
    const endpoints = (await simState()).endpoints.filter((e) => e.display_name === `hangar-${dep.id}`);
    expect(endpoints).toHaveLength(1);
  });
});
