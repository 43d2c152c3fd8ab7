import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configDir, hangar } from "../support/cli";
import { stack } from "../support/stack";

const deploy = [
  "deploy",
  "--provider",
  "together",
  "--model",
  "hf://acme/tiny-llama",
  "--hardware",
  "1x_nvidia_h100_80gb_sxm",
];

describe("the hangar CLI against the local stack", () => {
  it("deploys and waits until ready, with progress on stderr", async () => {
    const run = await hangar([...deploy, "--name", "cli-bot", "--wait", "--timeout", "90s"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("cli-bot");
    expect(run.stdout).toMatch(/ready: cli-bot serves as model /);
    // Not a terminal: a plain line per state seen, from the accepted request to the end.
    expect(run.stderr).toMatch(/^cli-bot: queued \(0s\)$/m);
    expect(run.stderr).toMatch(/^cli-bot: ready \(\d+s\)$/m);
  });

  it("lists deployments as a table and as the API's JSON", async () => {
    const table = await hangar(["list"]);
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.split("\n");
    expect(lines[0]).toMatch(/NAME\s+PROVIDER\s+STATE\s+HARDWARE\s+REPLICAS\s+\$\/H\s+THIS MONTH\s+IDLE FOR/);
    expect(lines.find((l) => l.startsWith("cli-bot"))).toMatch(
      /cli-bot\s+together\s+ready\s+1xnvidia-h100-80gb\s+1-1\s+\$/,
    );

    const json = await hangar(["list", "--json"]);
    expect(json.code).toBe(0);
    const data = (JSON.parse(json.stdout) as { data: { name: string; state: string }[] }).data;
    expect(data).toContainEqual(expect.objectContaining({ name: "cli-bot", state: "ready" }));
  });

  it("shows a deployment's status by name", async () => {
    const run = await hangar(["status", "cli-bot"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/state\s+ready/);
    expect(run.stdout).toContain("last events");
    expect(run.stdout).toMatch(/provisioning → ready/);
    const json = await hangar(["status", "cli-bot", "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ name: "cli-bot", state: "ready" });
  });

  it("streams a test answer, then latency and tokens", async () => {
    const run = await hangar(["test", "cli-bot", "Say hello"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/total \d+ ms, \d+ prompt \+ \d+ completion tokens/);
  });

  it("chats, streaming each answer, until an empty line", async () => {
    const run = await hangar(["chat", "cli-bot"], {}, "Hello there\nAnd again\n\n");
    expect(run.code, run.stderr).toBe(0);
    const answers = run.stdout.split("cli-bot> ").slice(1);
    expect(answers).toHaveLength(2);
    for (const answer of answers) expect(answer.replace(/you> /g, "").trim().length).toBeGreaterThan(0);
  });

  it("stops and starts with --wait", async () => {
    const stop = await hangar(["stop", "cli-bot", "--wait", "--timeout", "90s"]);
    expect(stop.code, stop.stderr).toBe(0);
    expect(stop.stdout).toMatch(/cli-bot: stopped/);
    const start = await hangar(["start", "cli-bot", "--wait", "--timeout", "90s"]);
    expect(start.code, start.stderr).toBe(0);
    expect(start.stdout).toMatch(/cli-bot: ready/);
  });

  it("applies a file, then says a second apply changes nothing, then applies an edit", async () => {
    const file = join(tmpdir(), `hangar-${process.pid}.yaml`);
    const write = (max: number) =>
      writeFileSync(
        file,
        [
          "deployments:",
          "  - name: cli-applied",
          "    provider: together",
          "    model: hf://acme/tiny-llama",
          "    hardware: 1x_nvidia_h100_80gb_sxm",
          "    minReplicas: 1",
          `    maxReplicas: ${max}`,
          "    idleTimeout: 30",
        ].join("\n"),
      );
    write(1);
    const first = await hangar(["apply", "-f", file, "--wait", "--timeout", "90s"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("+ cli-applied: create");

    const second = await hangar(["apply", "-f", file]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("= cli-applied: unchanged");
    expect(second.stdout).toContain("No changes: 1 deployment(s) match");

    write(2);
    const third = await hangar(["apply", "-f", file, "--wait", "--timeout", "90s"]);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toContain("~ cli-applied: replicas 1-1 → 1-2");
    const after = JSON.parse((await hangar(["status", "cli-applied", "--json"])).stdout);
    expect(after.autoscaling).toEqual({ minReplicas: 1, maxReplicas: 2 });

    const cleanup = await hangar(["delete", "cli-applied", "--wait", "--timeout", "90s"]);
    expect(cleanup.code, cleanup.stderr).toBe(0);
  });

  it("shows a deployment's provider metrics for a window, and refuses an unknown window", async () => {
    const run = await hangar(["metrics", "cli-bot", "--window", "24h", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    // A Together v2 deployment: measured by Together's own analytics.
    expect(JSON.parse(run.stdout)).toMatchObject({ window: "24h", bucketSeconds: 900, measured: true });
    const plain = await hangar(["metrics", "cli-bot"]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/requests, \d+ in \/ \d+ out tokens, \d+ errors/);
    const bad = await hangar(["metrics", "cli-bot", "--window", "2h"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("request.invalid");
  });

  it("deletes with --wait and frees the name", async () => {
    const run = await hangar(["delete", "cli-bot", "--wait", "--timeout", "90s"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/cli-bot: deleted/);
    const gone = await hangar(["status", "cli-bot"]);
    expect(gone.code).toBe(1);
  });

  it("reports Hangar's error code on stderr, in JSON with --json", async () => {
    const run = await hangar(["status", "no-such-deployment"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("error deployment.not_found: No deployment no-such-deployment.");
    const json = await hangar(["status", "no-such-deployment", "--json"]);
    expect(JSON.parse(json.stderr)).toEqual({
      error: { code: "deployment.not_found", message: "No deployment no-such-deployment." },
    });
  });

  it("exits 2 with commander's message when a required flag is missing", async () => {
    const run = await hangar(["deploy", "--model", "hf://acme/tiny-llama"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("required option '--provider <provider>' not specified");
  });

  it("exits 3 when --wait runs out of time", async () => {
    const run = await hangar([...deploy, "--name", "cli-timeout", "--wait", "--timeout", "0s"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("error wait.timeout");
    await hangar(["delete", "cli-timeout"]);
  });

  it("suggests models the provider can deploy when the model can't be fetched", async () => {
    const run = await hangar([
      "deploy",
      "--provider",
      "fireworks",
      "--model",
      "hf://acme/no-such-llama",
      "--hardware",
      "1x_nvidia_h100_80gb",
      "--name",
      "cli-missing-model",
      "--wait",
      "--timeout",
      "90s",
    ]);
    // Refused at create (the Hub has no such repo), so nothing is left to delete.
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/error model\.source_not_found: hf:\/\/acme\/no-such-llama was not found/);
    expect(run.stderr).toContain("Models fireworks can deploy (hangar models --provider fireworks):");
    expect(run.stderr).toMatch(/^ {2}accounts\/fireworks\/models\/llama/m);
    expect((await hangar(["status", "cli-missing-model"])).stderr).toContain("deployment.not_found");
  });

  it("logs in to a config file only its owner can read, and uses it", async () => {
    const login = await hangar(["login"]);
    expect(login.code, login.stderr).toBe(0);
    const path = join(configDir, "config.json");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({ url: stack.apiUrl, apiKey: stack.apiKey });
    const list = await hangar(["list", "--json"], { HANGAR_URL: "", HANGAR_API_KEY: "" });
    expect(list.code, list.stderr).toBe(0);
    const bad = await hangar(["login", "--api-key", "hk_wrong"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("auth.invalid_key");
    rmSync(path);
  });

  it("adds, lists, shows deliveries of and removes a webhook", async () => {
    const add = await hangar([
      "webhooks",
      "add",
      "http://127.0.0.1:9/hangar",
      "--events",
      "deployment.ready",
      "--json",
    ]);
    expect(add.code, add.stderr).toBe(0);
    const sub = JSON.parse(add.stdout) as { id: string; secret: string; events: string[] };
    expect(sub.secret).toMatch(/^whsec_/);
    expect(sub.events).toEqual(["deployment.ready"]);
    const list = await hangar(["webhooks", "list"]);
    expect(list.stdout).toMatch(
      new RegExp(`${sub.id}\\s+http://127.0.0.1:9/hangar\\s+deployment.ready\\s+active`),
    );
    const deliveries = await hangar(["webhooks", "deliveries", sub.id, "--json"]);
    expect(deliveries.code, deliveries.stderr).toBe(0);
    expect(JSON.parse(deliveries.stdout)).toMatchObject({ data: [] });
    const rm = await hangar(["webhooks", "rm", sub.id]);
    expect(rm.code, rm.stderr).toBe(0);
    expect((await hangar(["webhooks", "list", "--json"])).stdout).not.toContain(sub.id);
  });

  it("asks for a connection when there is none", async () => {
    const run = await hangar(["list"], { HANGAR_URL: "", HANGAR_API_KEY: "" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("config.missing");
  });

  it("prints completion scripts that bash accepts", async () => {
    const bash = await hangar(["completion", "bash"]);
    expect(bash.code).toBe(0);
    expect(bash.stdout).toContain("complete -F _hangar hangar");
    execFileSync("bash", ["-n"], { input: bash.stdout });
    const zsh = await hangar(["completion", "zsh"]);
    expect(zsh.stdout).toMatch(/^#compdef hangar/);
    expect(zsh.stdout).toContain("'deploy:deploy a model");
  });
});
