import { createInterface } from "node:readline/promises";
import { Hangar } from "@hangar/sdk";
import type { Command } from "commander";
import { configPath, readConfig, UsageError, writeConfig } from "../config";
import type { GlobalOptions } from "../context";
import { printJson } from "../output";

export function loginCommand(program: Command) {
  program
    .command("login")
    .description("store Hangar's URL and an API key in your config directory (readable by you only)")
    .action(async (_flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const saved = await readConfig();
      const rl = createInterface({
        input: process.stdin,
        output: process.stderr,
        terminal: process.stdin.isTTY,
      });
      const ask = async (question: string, fallback?: string) =>
        (await rl.question(fallback ? `${question} [${fallback}]: ` : `${question}: `)).trim() || fallback;
      let url: string | undefined;
      let apiKey: string | undefined;
      try {
        url =
          options.url ??
          process.env.HANGAR_URL ??
          (await ask("Hangar URL", saved.url ?? "http://localhost:3000"));
        apiKey = options.apiKey ?? process.env.HANGAR_API_KEY ?? (await ask("API key"));
      } finally {
        rl.close();
      }
      if (!url || !apiKey) throw new UsageError("config.missing", "Give a URL and an API key.");
      // A key that works: listing deployments needs nothing but a valid key.
      const check = await new Hangar({ url, apiKey }).api.GET("/v1/deployments", {
        params: { query: { limit: 1 } },
      });
      if (!check.response.ok) {
        throw new UsageError(
          "auth.invalid_key",
          `${url} refused the key (${check.response.status}); nothing was saved.`,
        );
      }
      const path = await writeConfig({ url, apiKey });
      if (options.json) return printJson({ url, config: path });
      console.log(`Logged in to ${url}; saved to ${path} (mode 0600).`);
    });

  program
    .command("logout")
    .description("forget the stored URL and key")
    .action(async () => {
      const { rm } = await import("node:fs/promises");
      await rm(configPath(), { force: true });
      console.log(`Removed ${configPath()}.`);
    });
}
