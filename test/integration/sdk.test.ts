import { Hangar, HangarError, verifyWebhook, WaitError } from "@hangar/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../support/api";
import { startReceiver } from "../support/receiver";
import { stack } from "../support/stack";

const hangar = new Hangar({ url: stack.apiUrl, apiKey: stack.apiKey });
const body = {
  provider: "together" as const,
  model: { source: "hf://acme/tiny-llama" },
  hardware: "1x_nvidia_h100_80gb_sxm",
};

describe("the SDK", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let secret: string;
  let webhookId: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    const sub = await api("/v1/webhooks", { body: { url: receiver.url } });
    secret = sub.body.secret as string;
    webhookId = sub.body.id as string;
  });

  afterAll(async () => {
    await api(`/v1/webhooks/${webhookId}`, { method: "DELETE" });
    await receiver.close();
  });

  it("waits for a deployment to be ready with the server's long poll, reporting progress", async () => {
    const created = await hangar.api.POST("/v1/deployments", { body: { ...body, name: "sdk-wait" } });
    expect(created.response.status).toBe(202);
    const seen: string[] = [];
    const ready = await hangar.waitFor("sdk-wait", "ready", {
      timeoutSeconds: 90,
      onProgress: (d) => seen.push(d.state),
    });
    expect(ready.state).toBe("ready");
    expect(ready.id).toBe(created.data?.id);
    expect(seen.at(-1)).toBe("ready");
  });

  it("verifies a webhook delivery and returns the typed event", async () => {
    const hook = await receiver.waitFor(
      (r) => r.json.type === "deployment.ready" && r.json.data.name === "sdk-wait",
    );
    const event = verifyWebhook(hook.body, hook.headers as Record<string, string>, secret);
    expect(event.type).toBe("deployment.ready");
    if (event.type === "deployment.ready") expect(event.data.name).toBe("sdk-wait");
    expect(() => verifyWebhook(`${hook.body} `, hook.headers as Record<string, string>, secret)).toThrow();
  });

  it("iterates over every deployment across pages", async () => {
    const seen: { id: string; name: string }[] = [];
    for await (const d of hangar.deployments({ limit: 1 })) seen.push({ id: d.id, name: d.name });
    expect(seen.map((d) => d.name)).toContain("sdk-wait");
    // Deleted deployments give their names back, so only ids are unique across the list.
    expect(new Set(seen.map((d) => d.id)).size).toBe(seen.length);
    const firstPage = await hangar.api.GET("/v1/deployments", { params: { query: { limit: 100 } } });
    expect(seen.length).toBeGreaterThanOrEqual(firstPage.data?.data.length ?? 0);
  });

  it("throws a WaitError when the time is up before the state", async () => {
    const error = await hangar.waitFor("sdk-wait", "stopped", { timeoutSeconds: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitError);
    expect((error as WaitError).code).toBe("wait.timeout");
  });

  it("throws Hangar's error code for a missing deployment", async () => {
    const error = await hangar.deployment("no-such-one").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HangarError);
    expect((error as HangarError).code).toBe("deployment.not_found");
    expect((error as HangarError).status).toBe(404);
  });

  it("waits for a deletion by name, though deletion frees the name", async () => {
    await hangar.api.DELETE("/v1/deployments/{id}", { params: { path: { id: "sdk-wait" } } });
    const deleted = await hangar.waitFor("sdk-wait", "deleted", { timeoutSeconds: 60 });
    expect(deleted.state).toBe("deleted");
  });
});
