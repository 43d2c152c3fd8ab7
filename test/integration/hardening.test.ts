import { setTimeout as sleep } from "node:timers/promises";
import * as ApiKey from "@hangar/core/apikey/index";
import { states } from "@hangar/core/deployment/states";
import { enabledProviders } from "@hangar/core/provider/index";
import { app } from "@hangar/functions/api/index";
import { beforeAll, describe, expect, it } from "vitest";
import { api, type Json } from "../support/api";
import { stack } from "../support/stack";

const code = (body: Json) => (body.error as { code: string } | undefined)?.code;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A tenant of its own, so listings see only what this file made. */
async function freshTenant(label: string) {
  const tenantId = `ten_${label}_${Date.now()}`;
  return { tenantId, key: (await ApiKey.create({ tenantId, name: "first" })).key };
}

describe("listing deployments", () => {
  let key: string;
  let ids: string[];

  beforeAll(async () => {
    ({ key } = await freshTenant("list"));
    ids = [];
    for (const name of ["one", "two", "three"]) {
      const res = await api("/v1/deployments", {
        key,
        body: {
          provider: "together",
          name,
          model: { source: "Qwen/Qwen2.5-7B-Instruct" },
          hardware: "1x_nvidia_h100_80gb_sxm",
        },
      });
      expect(res.status, res.text).toBe(202);
      ids.push(res.body.id as string);
    }
  });

  const combos = [undefined, ...states].flatMap((state) =>
    [undefined, ...enabledProviders].flatMap((provider) =>
      [undefined, 1].map((limit) => ({ state, provider, limit })),
    ),
  );

  it("answers 200 for every combination of state, provider and limit, with only matching deployments", async () => {
    for (const filter of combos) {
      const query = new URLSearchParams(
        Object.entries(filter).flatMap(([k, v]): [string, string][] =>
          v === undefined ? [] : [[k, String(v)]],
        ),
      );
      const res = await api(`/v1/deployments?${query}`, { key });
      expect(res.status, `${query}: ${res.text}`).toBe(200);
      for (const d of res.body.data as { state: string; provider: string }[]) {
        if (filter.state) expect(d.state).toBe(filter.state);
        if (filter.provider) expect(d.provider).toBe(filter.provider);
      }
    }
  });

  it.each([
    ["no filter", ""],
    ["a provider filter", "&provider=together"],
  ])("follows nextCursor one page at a time to every deployment, with %s", async (_, filter) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const query: string = `?limit=1${filter}${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await api(`/v1/deployments${query}`, { key });
      expect(res.status, res.text).toBe(200);
      seen.push(...(res.body.data as { id: string }[]).map((d) => d.id));
      cursor = res.body.nextCursor as string | null;
      if (!cursor) break;
    }
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it.each([
    ["text that is not base64 JSON", "%25%25%25"],
    ["an empty object", b64({})],
    ["an array", b64([1])],
    ["a key of the wrong shape", b64({ pk: "DEP#x", sk: "META" })],
    [
      "another tenant's position",
      b64({ pk: "DEP#dep_x", sk: "META", tenantPk: "TEN#someone_else#DEP", tenantSk: "x" }),
    ],
    ["a key with a number", b64({ pk: 1, sk: "META", tenantPk: "x", tenantSk: "y" })],
  ])("answers 400 request.invalid_cursor for a cursor holding %s", async (_, cursor) => {
    const res = await api(`/v1/deployments?cursor=${cursor}&state=ready`, { key });
    expect(res.status, res.text).toBe(400);
    expect(code(res.body)).toBe("request.invalid_cursor");
  });
});

describe("ids in paths", () => {
  let deploymentId: string;
  let webhookId: string;
  const bad = [
    ["a word", "nope"],
    ["a 2 KB id", `dep_${"a".repeat(2100)}`],
    ["an id with the wrong prefix", "whk_01jd4k2z5x8q3w6e9r0t1y2u3i"],
    ["a well-formed id of nothing", "dep_01jd4k2z5x8q3w6e9r0t1y2u3a"],
    ["an id with characters Crockford base32 leaves out", "dep_01jd4k2z5x8q3w6e9r0t1y2uui"],
  ];

  beforeAll(async () => {
    const dep = await api("/v1/deployments", {
      body: {
        provider: "together",
        model: { source: "Qwen/Qwen2.5-7B-Instruct" },
        hardware: "1x_nvidia_h100_80gb_sxm",
      },
    });
    deploymentId = dep.body.id as string;
    const sub = await api("/v1/webhooks", { body: { url: "http://127.0.0.1:9/hook" } });
    webhookId = sub.body.id as string;
  });

  const routes = (id: string): [string, string, unknown?][] => [
    ["GET", `/v1/deployments/${id}`],
    ["GET", `/v1/deployments/${id}/events`],
    ["PATCH", `/v1/deployments/${id}`, { idleTimeoutMinutes: 30 }],
    ["POST", `/v1/deployments/${id}/stop`],
    ["POST", `/v1/deployments/${id}/start`],
    ["DELETE", `/v1/deployments/${id}`],
    ["POST", `/v1/deployments/${id}/test`, {}],
    ["POST", `/v1/deployments/${id}/chat/completions`, { messages: [{ role: "user", content: "hi" }] }],
    ["POST", `/v1/deployments/${id}/activity`],
    ["GET", `/v1/deployments/${id}/cost`],
    ["GET", `/v1/deployments/${id}/budget`],
    ["DELETE", `/v1/deployments/${id}/budget`],
    ["GET", `/v1/deployments/${id}/leases`],
    ["POST", `/v1/deployments/${id}/leases`, { durationMinutes: 30, reason: "demo" }],
    ["DELETE", `/v1/deployments/${id}/leases/lse_01jd4k2z5x8q3w6e9r0t1y2u3a`],
  ];

  it.each(bad)("answers 404 deployment.not_found on every deployment route for %s", async (_, id) => {
    for (const [method, path, body] of routes(id)) {
      const res = await api(path, { method, body });
      expect(res.status, `${method} ${path.slice(0, 80)}: ${res.text.slice(0, 200)}`).toBe(404);
      expect(code(res.body)).toBe("deployment.not_found");
      expect(res.text.length).toBeLessThan(1000);
    }
  });

  it.each(bad)("answers 404 webhook.not_found on every webhook route for %s", async (_, raw) => {
    const id = raw.replace(/^dep_/, "whk_");
    for (const [method, path, body] of [
      ["PATCH", `/v1/webhooks/${id}`, { events: ["deployment.ready"] }],
      ["DELETE", `/v1/webhooks/${id}`],
      ["POST", `/v1/webhooks/${id}/rotate-secret`, {}],
      ["GET", `/v1/webhooks/${id}/deliveries`],
      ["POST", `/v1/webhooks/${id}/deliveries/evt_01jd4k2z5x8q3w6e9r0t1y2u3a/redeliver`],
    ] as [string, string, unknown?][]) {
      const res = await api(path, { method, body });
      expect(res.status, `${method} ${path.slice(0, 80)}: ${res.text.slice(0, 200)}`).toBe(404);
      expect(code(res.body)).toBe("webhook.not_found");
    }
  });

  it.each(bad)("answers 404 for a lease, delivery or key id that is %s", async (_, raw) => {
    const lease = await api(`/v1/deployments/${deploymentId}/leases/${raw.replace(/^dep_/, "lse_")}`, {
      method: "DELETE",
    });
    expect([lease.status, code(lease.body)]).toEqual([404, "lease.not_found"]);
    const delivery = await api(
      `/v1/webhooks/${webhookId}/deliveries/${raw.replace(/^dep_/, "evt_")}/redeliver`,
      { method: "POST" },
    );
    expect([delivery.status, code(delivery.body)]).toEqual([404, "webhook.delivery_not_found"]);
    const key = await api(`/v1/keys/${raw.replace(/^dep_/, "key_")}`, { method: "DELETE" });
    expect([key.status, code(key.body)]).toEqual([404, "apikey.not_found"]);
  });

  it("answers 400 request.invalid_cursor for a delivery log cursor of another subscription", async () => {
    const cursor = b64({ pk: "WHK#whk_01jd4k2z5x8q3w6e9r0t1y2u3a", sk: "DLV#x" });
    const res = await api(`/v1/webhooks/${webhookId}/deliveries?cursor=${cursor}`);
    expect([res.status, code(res.body)]).toEqual([400, "request.invalid_cursor"]);
  });
});

describe("webhook URLs that reach private addresses through IPv6", () => {
  /**
   * The run's stack allows private targets (HANGAR_WEBHOOK_ALLOW_PRIVATE=true, for its own
   * receivers), so these go through the same API app in this process, where it is unset, against
   * the same DynamoDB.
   */
  const request = (method: string, path: string, body: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${stack.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it.each([
    "http://[64:ff9b::7f00:1]/",
    "http://[64:ff9b::a9fe:a9fe]/latest/meta-data",
    "http://[64:ff9b:1::a9fe:a9fe]/",
    "http://[2002:7f00:1::1]/",
    "http://[::127.0.0.1]/",
    "http://[::ffff:10.0.0.1]/",
    "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
    "http://[fd00:ec2::254]/",
    "http://[fe80::1]/",
  ])("refuses to register %s with 422 webhook.url_not_allowed", async (url) => {
    delete process.env.HANGAR_WEBHOOK_ALLOW_PRIVATE;
    const created = await request("POST", "/v1/webhooks", { url });
    expect(created.status).toBe(422);
    expect(code((await created.json()) as Json)).toBe("webhook.url_not_allowed");
  });

  it("refuses to move an existing subscription to such an address", async () => {
    const sub = await api("/v1/webhooks", { body: { url: "http://127.0.0.1:9/hook" } });
    delete process.env.HANGAR_WEBHOOK_ALLOW_PRIVATE;
    const moved = await request("PATCH", `/v1/webhooks/${sub.body.id}`, { url: "http://[64:ff9b::7f00:1]/" });
    expect(moved.status).toBe(422);
    expect(code((await moved.json()) as Json)).toBe("webhook.url_not_allowed");
  });
});

describe("API keys through the API", () => {
  /** Until the key is refused, for at most the cache window and a margin. */
  async function refusedWithin(key: string) {
    const windowMs = Number(stack.env.HANGAR_API_KEY_CACHE_SECONDS ?? 60) * 1000 + 5000;
    for (const until = Date.now() + windowMs; Date.now() < until; await sleep(200)) {
      const res = await api("/v1/deployments", { key });
      if (res.status === 401) return res;
    }
    throw new Error("the revoked key was still accepted after the cache window");
  }

  it("lists keys without their secrets, creates one shown once, and revokes it", async () => {
    const { key: first } = await freshTenant("keys");
    const created = await api("/v1/keys", { key: first, body: { name: "ci" } });
    expect(created.status, created.text).toBe(201);
    const secret = created.body.key as string;
    expect(secret).toMatch(/^hk_/);
    expect(created.body).toMatchObject({
      name: "ci",
      prefix: "hk_",
      last4: secret.slice(-4),
      revokedAt: null,
    });
    expect((await api("/v1/deployments", { key: secret })).status).toBe(200);

    const listed = await api("/v1/keys", { key: first });
    expect(listed.status).toBe(200);
    expect(listed.text).not.toContain(secret);
    expect(listed.text).not.toContain(first);
    const rows = listed.body.data as { id: string; name: string; last4: string; lastUsedAt: string | null }[];
    expect(rows.map((k) => k.name)).toEqual(["first", "ci"]);
    expect(rows.find((k) => k.id === created.body.id)?.lastUsedAt).not.toBeNull();
    expect(Object.keys(rows[0] ?? {})).not.toContain("key");

    const revoked = await api(`/v1/keys/${created.body.id}`, { method: "DELETE", key: first });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const refused = await refusedWithin(secret);
    expect(code(refused.body)).toBe("auth.invalid_key");
    const again = await api(`/v1/keys/${created.body.id}`, { method: "DELETE", key: first });
    expect([again.status, again.body.revokedAt]).toEqual([200, revoked.body.revokedAt]);
  });

  it("lets a key revoke itself but not the tenant's last active key", async () => {
    const { key: first } = await freshTenant("self");
    const second = await api("/v1/keys", { key: first, body: {} });
    const self = await api(`/v1/keys/${second.body.id}`, {
      method: "DELETE",
      key: second.body.key as string,
    });
    expect(self.status, self.text).toBe(200);
    await refusedWithin(second.body.key as string);
    const firstId = (
      (await api("/v1/keys", { key: first })).body.data as { id: string; revokedAt: null }[]
    ).find((k) => !k.revokedAt)?.id;
    const last = await api(`/v1/keys/${firstId}`, { method: "DELETE", key: first });
    expect([last.status, code(last.body)]).toEqual([409, "apikey.last_key"]);
    expect((await api("/v1/deployments", { key: first })).status).toBe(200);
  });

  it("are in the OpenAPI document, with the cache window written down", async () => {
    const doc = await api("/openapi.json", { key: null });
    const paths = doc.body.paths as Record<string, Record<string, { description?: string }>>;
    expect(Object.keys(paths["/v1/keys"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(paths["/v1/keys/{id}"]?.delete?.description).toContain("HANGAR_API_KEY_CACHE_SECONDS");
  });

  it("keeps keys per tenant: another tenant can neither see nor revoke them", async () => {
    const mine = await freshTenant("mine");
    const theirs = await freshTenant("theirs");
    const extra = await api("/v1/keys", { key: mine.key, body: { name: "extra" } });
    const seen = await api("/v1/keys", { key: theirs.key });
    expect((seen.body.data as { id: string }[]).map((k) => k.id)).not.toContain(extra.body.id);
    const revoke = await api(`/v1/keys/${extra.body.id}`, { method: "DELETE", key: theirs.key });
    expect([revoke.status, code(revoke.body)]).toEqual([404, "apikey.not_found"]);
    expect((await api("/v1/deployments", { key: extra.body.key as string })).status).toBe(200);
  });
});
