import { type HubSimulator, parseScale, startHubSimulator } from "@hangar/simulators/huggingface/index";
import {
  downloadFile,
  fileDownloadInfo,
  fileExists,
  HubApiError,
  listFiles,
  listModels,
  modelInfo,
  parseSafetensorsMetadata,
} from "@huggingface/hub";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let hub: HubSimulator;
let hubUrl: string;

beforeAll(async () => {
  hub = await startHubSimulator({ port: 0, scale: 0.0001 });
  hubUrl = hub.url;
});
afterAll(() => hub.close());

async function refusal(promise: Promise<unknown>): Promise<HubApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubApiError);
  return error as HubApiError;
}

async function files(name: string, accessToken?: string) {
  const paths: { path: string; size: number; lfs?: { oid: string } }[] = [];
  for await (const entry of listFiles({ repo: name, hubUrl, recursive: true, accessToken }))
    if (entry.type === "file") paths.push(entry);
  return paths;
}

describe("the Hub simulator, driven by the official @huggingface/hub client", () => {
  it("answers modelInfo at the default revision (HEAD) for a real public repo", async () => {
    const info = await modelInfo({ name: "Qwen/Qwen2.5-0.5B-Instruct", hubUrl });
    expect(info).toMatchObject({
      name: "Qwen/Qwen2.5-0.5B-Instruct",
      private: false,
      gated: false,
      task: "text-generation",
    });
    expect(info.updatedAt.toISOString()).toBe("2024-09-25T12:33:02.000Z");
  });

  it("expands only the fields asked for, with the config's real architecture", async () => {
    const info = await modelInfo({
      name: "Qwen/Qwen2.5-7B-Instruct",
      hubUrl,
      additionalFields: ["sha", "config", "filePaths"],
    });
    expect(info.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(info.config).toMatchObject({ architectures: ["Qwen2ForCausalLM"], model_type: "qwen2" });
    expect(info.filePaths).toEqual(
      expect.arrayContaining([
        "config.json",
        "generation_config.json",
        "tokenizer.json",
        "tokenizer_config.json",
        "model.safetensors.index.json",
        "model-00001-of-00004.safetensors",
        "model-00004-of-00004.safetensors",
        "LICENSE",
        "README.md",
      ]),
    );
    const raw = await fetch(`${hubUrl}/api/models/Qwen/Qwen2.5-7B-Instruct?expand[]=lastModified`);
    expect(Object.keys((await raw.json()) as object).sort()).toEqual(["_id", "id", "lastModified"]);
    expect((await fetch(`${hubUrl}/api/models/Qwen/Qwen2.5-7B-Instruct?expand[]=nope`)).status).toBe(400);
  });

  it("tells whether a file exists through the /raw/ route", async () => {
    const repo = "Qwen/Qwen2.5-0.5B-Instruct";
    expect(await fileExists({ repo, path: "config.json", hubUrl })).toBe(true);
    expect(await fileExists({ repo, path: "model.safetensors", hubUrl })).toBe(true);
    expect(await fileExists({ repo, path: "pytorch_model.bin", hubUrl })).toBe(false);
    const pointer = await fetch(`${hubUrl}/${repo}/raw/main/model.safetensors`);
    expect(await pointer.text()).toMatch(
      /^version https:\/\/git-lfs.github.com\/spec\/v1\noid sha256:[0-9a-f]{64}\n/,
    );
  });

  it("gives a weights file's size and sha256 (x-linked-etag) as the tree listing does", async () => {
    const repo = "Qwen/Qwen2.5-0.5B-Instruct";
    const listed = (await files(repo)).find((f) => f.path === "model.safetensors");
    const info = await fileDownloadInfo({ repo, path: "model.safetensors", hubUrl });
    // 988,097,824 bytes on the real Hub, times the scale.
    expect(info).toMatchObject({ size: 98_810, etag: `"${listed?.lfs?.oid}"` });
    expect(listed?.size).toBe(98_810);
  });

  it("serves safetensors whose headers the client parses, sharded through the index", async () => {
    const single = await parseSafetensorsMetadata({ repo: "Qwen/Qwen2.5-0.5B-Instruct", hubUrl });
    expect(single.sharded).toBe(false);
    const sharded = await parseSafetensorsMetadata({ repo: "Qwen/Qwen2.5-7B-Instruct", hubUrl });
    expect(sharded.sharded).toBe(true);
    if (!sharded.sharded) return;
    expect(Object.keys(sharded.headers).sort()).toEqual(
      [1, 2, 3, 4].map((n) => `model-0000${n}-of-00004.safetensors`),
    );
  });

  it("serves the real config.json and an adapter_config.json naming its base", async () => {
    const config = await downloadFile({
      repo: "meta-llama/Llama-3.1-8B-Instruct",
      path: "config.json",
      hubUrl,
      accessToken: hub.token,
    });
    expect(JSON.parse((await config?.text()) ?? "")).toMatchObject({
      architectures: ["LlamaForCausalLM"],
      hidden_size: 4096,
      num_hidden_layers: 32,
      num_key_value_heads: 8,
      vocab_size: 128256,
    });
    const adapter = await downloadFile({
      repo: "KB-SEC/Qwen2.5-7B-Instruct_v1",
      path: "adapter_config.json",
      hubUrl,
    });
    expect(JSON.parse((await adapter?.text()) ?? "")).toMatchObject({
      base_model_name_or_path: "Qwen/Qwen2.5-7B-Instruct",
      peft_type: "LORA",
      r: 16,
    });
  });

  it("shows a gated repo's metadata and file list to anyone, and its files only with a token", async () => {
    const name = "meta-llama/Llama-3.1-8B-Instruct";
    expect(await modelInfo({ name, hubUrl })).toMatchObject({ name, gated: "manual" });
    expect((await files(name)).map((f) => f.path)).toContain("model-00001-of-00004.safetensors");

    const exists = await refusal(fileExists({ repo: name, path: "config.json", hubUrl }));
    expect(exists.statusCode).toBe(401);
    const download = await refusal(downloadFile({ repo: name, path: "config.json", hubUrl }));
    expect(download.statusCode).toBe(401);
    expect(download.message).toContain(`Access to model ${name} is restricted`);
    const response = await fetch(`${hubUrl}/${name}/resolve/main/config.json`);
    expect(response.headers.get("x-error-code")).toBe("GatedRepo");

    expect(await fileExists({ repo: name, path: "config.json", hubUrl, accessToken: hub.token })).toBe(true);
  });

  it("answers any other repo as the Hub does: 401 RepoNotFound without a token, 404 with one", async () => {
    const name = "acme/does-not-exist";
    const anonymous = await refusal(modelInfo({ name, hubUrl }));
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.data).toEqual({ error: "Repository not found" });
    const authed = await refusal(modelInfo({ name, hubUrl, accessToken: hub.token }));
    expect(authed.statusCode).toBe(404);
    const response = await fetch(`${hubUrl}/api/models/${name}`);
    expect(response.headers.get("x-error-code")).toBe("RepoNotFound");
    await refusal(fileExists({ repo: name, path: "config.json", hubUrl }));
  });

  it("lists the repos it serves, as listModels reads them", async () => {
    const names: string[] = [];
    for await (const model of listModels({ hubUrl, search: { owner: "Qwen" } })) names.push(model.name);
    expect(names.sort()).toEqual(["Qwen/Qwen2.5-0.5B-Instruct", "Qwen/Qwen2.5-7B-Instruct"]);
  });

  it("scales weights by HANGAR_HF_SIM_SCALE, a thousandth of their real size unless set", () => {
    expect(parseScale(undefined)).toBe(0.001);
    expect(parseScale("1")).toBe(1);
    expect(() => parseScale("0")).toThrow("HANGAR_HF_SIM_SCALE");
    expect(() => parseScale("lots")).toThrow("HANGAR_HF_SIM_SCALE");
  });

  it("keeps the demo repos", async () => {
    expect((await files("acme/tiny-llama")).map((f) => f.path)).toContain("model.safetensors");
  });
});
