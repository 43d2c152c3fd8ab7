import { HangarError, WaitError } from "@hangar/sdk";
import { CommanderError } from "commander";
import OpenAI from "openai";
import { UsageError } from "./config";
import { colours } from "./output";
import { program } from "./program";

/** The one place errors become stderr lines and exit codes. */
function fail(error: unknown, json: boolean): number {
  const c = colours(json, process.stderr);
  const report = (code: string, message: string, extra?: unknown) => {
    if (json)
      process.stderr.write(
        `${JSON.stringify({ error: { code, message, ...(extra ? { details: extra } : {}) } })}\n`,
      );
    else process.stderr.write(`${c.red("error")} ${c.bold(code)}: ${message}\n`);
  };
  if (error instanceof WaitError) {
    report(error.code, error.message);
    return 3;
  }
  if (error instanceof HangarError) {
    report(error.code, error.message, error.details);
    if (error.code === "route.not_found" && !json) {
      process.stderr.write("This Hangar doesn't offer that route; it may be older than this CLI.\n");
    }
    return 1;
  }
  if (error instanceof OpenAI.APIError) {
    const body = error.error as { code?: string; message?: string } | undefined;
    report(body?.code ?? `http.${error.status ?? "error"}`, body?.message ?? error.message);
    return 1;
  }
  if (error instanceof UsageError) {
    report(error.code, error.message);
    return 2;
  }
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
  report("cli.failed", `${message}${cause}`);
  return 1;
}

// `hangar … | head` closes the pipe early: that's the reader being done, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const root = program();
try {
  await root.parseAsync(process.argv);
} catch (error) {
  process.exitCode = fail(error, process.argv.includes("--json"));
}
