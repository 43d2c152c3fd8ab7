import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stack } from "../support/stack";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The `sh` blocks of one README section, in order. */
function shBlocks(section: string): string[] {
  const readme = readFileSync(`${root}/README.md`, "utf8");
  const start = readme.indexOf(`\n## ${section}\n`);
  const end = readme.indexOf("\n## ", start + 1);
  expect(start).toBeGreaterThan(0);
  // Top-level blocks only: one indented in a list item shows a call the walk-through makes itself.
  return [...readme.slice(start, end).matchAll(/^```sh\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? "");
}

/** The README's walk-through as one script: its `sh` blocks in order, less the one that sets HANGAR and KEY. */
function walkThrough(): string {
  return shBlocks("Walk-through")
    .filter((block) => !block.includes("export HANGAR="))
    .join("\n");
}

/** The walk-through's shell helpers (`field`, `wait_for`), which later sections use too. */
function helpers(): string {
  return walkThrough()
    .split("\n")
    .filter((line) => /^(field|wait_for)\(\)/.test(line))
    .join("\n");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** Runs the script in its own process group, so the receiver it starts in the background can be stopped. */
function run(script: string, env: Record<string, string>) {
  const child = spawn("bash", ["-euo", "pipefail", "-c", script], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    exited,
    output: () => ({ stdout, stderr }),
    async until(text: RegExp, timeoutMs: number) {
      const deadline = Date.now() + timeoutMs;
      while (!text.test(stdout) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    },
    stop: () => {
      try {
        process.kill(-(child.pid ?? 0), "SIGTERM");
      } catch {
        // already gone
      }
    },
  };
}

describe("the README", () => {
  it("runs its walk-through pasted as one block, webhook receiver included", async () => {
    // The test's own epilogue: which deployments the walk-through made, to match the output against.
    const script = `${walkThrough()}\necho "walk-through: DEP=$DEP FW=$FW LORA=$LORA"\n`;
    const hookPort = await freePort();
    const shell = run(script, {
      HANGAR: stack.apiUrl,
      KEY: stack.apiKey,
      HANGAR_URL: stack.apiUrl,
      HANGAR_API_KEY: stack.apiKey,
      HOOK_PORT: String(hookPort),
    });
    try {
      const code = await shell.exited;
      const ids = /walk-through: DEP=(dep_\w+) FW=(dep_\w+) LORA=(dep_\w+)/.exec(shell.output().stdout);
      // Deliveries go out after the state is written: wait for the last one the receiver should print.
      if (ids) await shell.until(new RegExp(`webhook: deployment\\.deleted ${ids[1]}`), 30_000);
      const { stdout, stderr } = shell.output();
      expect(code, `stderr:\n${stderr}\nstdout:\n${stdout}`).toBe(0);
      expect(ids, stdout).not.toBeNull();
      const [, dep, fw, lora] = ids ?? [];

      // The CLI's part ran each command to its end (the script stops at the first that fails).
      expect(stdout).toMatch(/cli-bot\s+together\s+ready/);
      expect(stdout).toContain("Simulated answer");
      // Every request the walk-through sends is accepted, stop-then-start in quick succession included.
      expect(stdout).not.toContain('"error":{');
      // The Together migration block: the v1 deployment moved to v2, its history says so.
      expect(stdout).toContain('"type":"deployment.migrated"');
      expect(stderr).not.toContain("webhook refused");
      expect(stdout).toContain('"pricePerHour"');
      expect(stdout).toContain(`webhook receiver on http://127.0.0.1:${hookPort}/hooks`);
      expect(stdout).toMatch(/"output":"Simulated answer/);
      expect(stdout).toContain('"object":"list","data":[{"id":"devuser/hangar-dep-');
      expect(stdout).toContain('"object":"chat.completion.chunk"');
      expect(stdout).toContain("data: [DONE]");
      expect(stdout).toMatch(/bytesDone: (\d+),\n\s+bytesTotal: \1,/);
      expect(stdout).toMatch(/\{ proxy: null, heartbeat: null, provider: (null|'[^']+') \}/);
      for (const line of [
        `webhook: deployment.ready ${dep} support-bot ready`,
        `webhook: deployment.deleted ${dep} support-bot deleted`,
        `webhook: deployment.ready ${fw}`,
        `webhook: deployment.ready ${lora}`,
      ]) {
        expect(stdout).toContain(line);
      }
    } finally {
      shell.stop();
    }
  }, 240_000);

  it("runs its Saving money examples: a stopped deployment woken by a request, held with Prefer: wait", async () => {
    const script = [helpers(), ...shBlocks("Saving money")].join("\n");
    const shell = run(script, { HANGAR: stack.apiUrl, KEY: stack.apiKey });
    try {
      const code = await shell.exited;
      const { stdout, stderr } = shell.output();
      expect(code, `stderr:\n${stderr}\nstdout:\n${stdout}`).toBe(0);
      expect(stdout).toMatch(/^HTTP\/[\d.]+ 503/m);
      expect(stdout).toMatch(/^retry-after: \d+/im);
      expect(stdout).toContain('"code":"deployment.waking"');
      expect(stdout).toMatch(/"object":"chat\.completion"/);
    } finally {
      shell.stop();
    }
  }, 120_000);
});
