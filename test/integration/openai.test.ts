import OpenAI from "openai";
import { beforeAll, describe, expect, it } from "vitest";
import { type Deployment, deploy, waitForState } from "../support/api";
import { stack } from "../support/stack";

/** The owner prefix said twice, as in devuser/devuser/…: the name clients would see doubled. */
const doubled = /^([^/]+)\/\1\//;

describe("the official openai SDK against a deployment's base URL", () => {
  let ready: Deployment;
  let client: OpenAI;
  let expected: string;

  beforeAll(async () => {
    const dep = await deploy({ name: "openai-sdk" });
    ready = await waitForState(dep.id, "ready");
    expected = ready.endpoint?.name ?? "";
    client = new OpenAI({ baseURL: `${stack.apiUrl}/v1/deployments/${dep.id}`, apiKey: stack.apiKey });
  });

  it("lists the deployment's one model with models.list()", async () => {
    // Together v2 (the default): the endpoint named for the deployment, in the key's project.
    expect(expected).toMatch(/^devuser\/hangar-dep-[0-9a-z]{26}$/);
    expect(expected).not.toMatch(doubled);
    const models = [];
    for await (const model of client.models.list()) models.push(model);
    expect(models).toEqual([
      {
        id: expected,
        object: "model",
        created: Math.floor(Date.parse((ready as unknown as { createdAt: string }).createdAt) / 1000),
        owned_by: "together",
      },
    ]);
  });

  it("chats, and the answer names the model as listed", async () => {
    const completion = await client.chat.completions.create({
      model: expected,
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(completion.model).toBe(expected);
    expect(completion.choices[0]?.message.content).toContain("You said: Hi");
  });

  it("streams, and every chunk names the model as listed", async () => {
    const stream = await client.chat.completions.create({
      model: expected,
      messages: [{ role: "user", content: "Hi there" }],
      stream: true,
    });
    const models = new Set<string>();
    let text = "";
    for await (const chunk of stream) {
      models.add(chunk.model);
      text += chunk.choices[0]?.delta.content ?? "";
    }
    expect([...models]).toEqual([expected]);
    expect(text).toContain("You said: Hi there");
  });
});
