import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export type Child = {
  url: string;
  /** Everything the server printed besides its URL (the Fireworks simulator's key and account). */
  info: Record<string, string>;
  process: ChildProcess;
  stop(): Promise<void>;
};

/** Starts bench/upload/servers.ts as `role` in its own Node process and waits for its URL. */
export async function startChild(role: string, ...args: string[]): Promise<Child> {
  const script = fileURLToPath(new URL("./servers.ts", import.meta.url));
  const child = spawn(
    process.execPath,
    ["--disable-warning=ExperimentalWarning", "--import", "tsx", script, role, ...args],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<Record<string, string>>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${role} exited (${code}) before listening`)));
    lines.once("line", (line) => resolve(JSON.parse(line) as Record<string, string>));
  });
  return {
    url: info.url as string,
    info,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin!.end();
      }),
  };
}
