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
