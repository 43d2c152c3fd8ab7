import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stack } from "./stack";

/** The `hangar` binary as npm links it for the workspace: what `npx hangar` runs in a clone. */
export const hangarBin = resolve(import.meta.dirname, "../../node_modules/.bin/hangar");
export const configDir = mkdtempSync(join(tmpdir(), "hangar-cli-"));

export type Run = { code: number; stdout: string; stderr: string };

/** Runs the real binary in a child process against the local stack, as a user's shell would. */
export function hangar(args: string[], env: Record<string, string> = {}, input?: string): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      hangarBin,
      args,
      {
        env: {
          PATH: process.env.PATH,
          HOME: configDir,
          HANGAR_CONFIG: join(configDir, "config.json"),
          HANGAR_URL: stack.apiUrl,
          HANGAR_API_KEY: stack.apiKey,
          ...env,
        },
        timeout: 110_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
    child.stdin?.end(input ?? "");
  });
}
