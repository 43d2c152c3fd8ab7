import type { Deployment, WaitTarget } from "@hangar/sdk";
import { UsageError } from "./config";
import type { Context } from "./context";
import { bytes, colours, duration, stateColour } from "./output";

export type WaitFlags = { wait?: boolean; timeout?: string };

/** `--timeout 10m`, `90s`, `1h` or plain seconds. */
export function parseSeconds(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(value.trim());
  if (!match) throw new UsageError("request.invalid", `Not a duration: ${value} (use 90s, 10m or 1h).`);
  const n = Number(match[1]);
  return Math.round(match[2] === "h" ? n * 3600 : match[2] === "m" ? n * 60 : n);
}

function line(d: Deployment, started: number, json: boolean) {
  const c = colours(json, process.stderr);
  const parts = [`${d.name}: ${stateColour(d.state, json)}`];
  if (d.upload && d.upload.bytesTotal > 0 && d.state === "uploading") {
    const done = d.upload.files.filter((f) => f.done).length;
    parts.push(
      `upload ${bytes(d.upload.bytesDone)}/${bytes(d.upload.bytesTotal)}, ${done}/${d.upload.files.length} files`,
    );
  } else if (d.upstream.uploadStatus && d.state === "uploading") {
    parts.push(`upload ${d.upstream.uploadStatus}`);
  }
  parts.push(c.dim(duration(Date.now() - started)));
  return parts.join("  ");
}

/**
 * Waits with the server's long poll, from the deployment as a change was accepted. On a
 * terminal, one line redrawn in place (the elapsed time ticks between answers); otherwise a
 * plain line each time the state changes. Progress goes to
 * stderr so stdout keeps only the result.
 */
export async function waitWithProgress(ctx: Context, from: Deployment, target: WaitTarget, flags: WaitFlags) {
  const started = Date.now();
  const tty = process.stderr.isTTY === true && !ctx.json;
  let last: Deployment | undefined = from;
  let lastPrinted = "";
  const draw = () => {
    if (!last) return;
    if (tty) process.stderr.write(`\r\x1b[2K${line(last, started, ctx.json)}`);
    else if (!ctx.json && last.state !== lastPrinted) {
      process.stderr.write(`${last.name}: ${last.state} (${duration(Date.now() - started)})\n`);
      lastPrinted = last.state;
    }
  };
  draw();
  const ticker = tty ? setInterval(draw, 1000) : undefined;
  try {
    const done = await ctx.hangar.waitFor(from.id, target, {
      timeoutSeconds: flags.timeout ? parseSeconds(flags.timeout) : 1800,
      // Shorter holds show progress sooner; the server still answers at once on the target state.
      pollSeconds: tty ? 2 : 5,
      onProgress: (d) => {
        last = d;
        draw();
      },
    });
    return done;
  } finally {
    if (ticker) clearInterval(ticker);
    if (tty) process.stderr.write("\n");
  }
}
