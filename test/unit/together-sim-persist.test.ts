import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEndpoint } from "@hangar/simulators/together/endpoints";
import { startTogetherSimulator } from "@hangar/simulators/together/index";
import { describe, expect, it } from "vitest";

describe("the Together simulator's saved state", () => {
  it("keeps endpoints across a restart when given a state file", async () => {
    const statePath = join(mkdtempSync(join(tmpdir(), "sim-")), "together.json");
    const first = await startTogetherSimulator({ port: 0, statePath, timeScale: 0.01 });
    const headers = { authorization: `Bearer ${first.apiKey}`, "content-type": "application/json" };
    const created = await fetch(`${first.url}/endpoints`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        model: "Qwen/Qwen2.5-7B-Instruct",
        hardware: "1x_nvidia_h100_80gb_sxm",
        autoscaling: { min_replicas: 1, max_replicas: 1 },
        display_name: "kept",
      }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    await first.close();

    const second = await startTogetherSimulator({ port: 0, statePath, timeScale: 0.01 });
    const res = await fetch(`${second.url}/endpoints/${created.id}`, { headers });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { display_name: string }).display_name).toBe("kept");
    await second.close();
  });

  it("keeps the adapters bound to an endpoint, and reads a file saved before adapters existed", async () => {
    const statePath = join(mkdtempSync(join(tmpdir(), "sim-")), "together.json");
    const first = await startTogetherSimulator({ port: 0, statePath });
    const endpoint = createEndpoint(first.state, {
      model: "Qwen/Qwen2.5-7B-Instruct",
      hardware: "1x_nvidia_h100_80gb_sxm",
      autoscaling: { min_replicas: 1, max_replicas: 1 },
    });
    endpoint.adapters.push("devuser/lora");
    await first.close();
    const second = await startTogetherSimulator({ port: 0, statePath });
    expect(second.state.endpoints.get(endpoint.id)?.adapters).toEqual(["devuser/lora"]);
    await second.close();

    const saved = JSON.parse(readFileSync(statePath, "utf8")) as { endpoints: Record<string, unknown>[] };
    for (const e of saved.endpoints) delete e.adapters;
    writeFileSync(statePath, JSON.stringify(saved));
    const third = await startTogetherSimulator({ port: 0, statePath });
    expect(third.state.endpoints.get(endpoint.id)?.adapters).toEqual([]);
    await third.close();
  });
});

describe("the Together simulator's saved v2 state", () => {
  it("keeps v2 endpoints and deployments across a restart, and reads a file saved before v2", async () => {
    const statePath = join(mkdtempSync(join(tmpdir(), "sim-")), "together.json");
    const first = await startTogetherSimulator({ port: 0, statePath, timeScale: 0.01 });
    const origin = new URL(first.url).origin;
    const project = first.state.v2.project.id;
    const headers = { authorization: `Bearer ${first.apiKey}`, "content-type": "application/json" };
    const post = (url: string, path: string, body: unknown) =>
      fetch(`${url}/v2/projects/${project}${path}`, {
        method: "POST",
        headers,
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ id: string }>);
    const endpoint = await post(origin, "/endpoints", { name: "kept" });
    const qwen = (await fetch(`${origin}/v2/supported-models/Qwen%2FQwen2.5-7B-Instruct`, { headers }).then(
      (r) => r.json(),
    )) as { deploymentProfiles: { model: string; config: string }[] };
    const profile = qwen.deploymentProfiles[0];
    const deployment = await post(origin, `/endpoints/${endpoint.id}/deployments`, {
      name: "d",
      model: profile?.model,
      config: profile?.config,
      autoscaling: { minReplicas: 1 },
    });
    await first.close();

    const second = await startTogetherSimulator({ port: 0, statePath, timeScale: 0.01 });
    const secondOrigin = new URL(second.url).origin;
    const res = await fetch(`${secondOrigin}/v2/projects/${project}/endpoints/${endpoint.id}`, { headers });
    expect(res.status).toBe(200);
    const kept = (await res.json()) as { name: string; deployments: { id: string }[] };
    expect(kept.name).toBe("devuser/kept");
    expect(kept.deployments.map((d) => d.id)).toEqual([deployment.id]);
    await second.close();

    const saved = JSON.parse(readFileSync(statePath, "utf8")) as Record<string, unknown>;
    delete saved.v2;
    writeFileSync(statePath, JSON.stringify(saved));
    const third = await startTogetherSimulator({ port: 0, statePath });
    expect(third.state.v2.endpoints.size).toBe(0);
    await third.close();
  });
});
