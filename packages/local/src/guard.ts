import { spawn } from "node:child_process";

/**
 * Kills `pid` once this process is gone, however it died (even SIGKILL, which no exit hook
 * sees). The watcher runs detached so a terminal Ctrl-C reaches only us, and we stop the
 * child in order; it exits on its own within a second once the child is gone.
 */
export function killWithUs(pid: number): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${pid} 2>/dev/null; do sleep 1; done; kill ${pid} 2>/dev/null`;
  const watcher = spawn("sh", ["-c", script], { detached: true, stdio: "ignore" });
  watcher.on("error", () => {});
  watcher.unref();
}
