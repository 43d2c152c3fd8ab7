import type { Command } from "commander";
import { withContext } from "../context";
import { colours, printJson, table } from "../output";

type Key = {
  id: string;
  name?: string | null;
  createdAt?: string;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
};

/**
 * API keys, through `/v1/keys`. Untyped calls: the routes are newer than some servers, and a
 * server without them answers its own 404, which the CLI reports as is.
 */
export function keysCommand(program: Command) {
  const keys = program.command("keys").description("API keys of your tenant");

  keys
    .command("list")
    .alias("ls")
    .description("your API keys (never their secrets)")
    .action(
      withContext(async (ctx) => {
        const result = await ctx.hangar.request<{ data: Key[] }>("GET", "/v1/keys");
        if (ctx.json) return printJson(result);
        const rows = result.data.map((k) => [
          k.id,
          k.name ?? "",
          k.createdAt ?? "",
          k.lastUsedAt ?? "-",
          k.revokedAt ?? "-",
        ]);
        console.log(table(["ID", "NAME", "CREATED", "LAST USED", "REVOKED"], rows));
      }),
    );

  keys
    .command("create")
    .option("--name <name>", "what the key is for")
    .description("a new API key; its secret is shown once")
    .action(
      withContext(async (ctx, flags: { name?: string }) => {
        const key = await ctx.hangar.request<Key & { key?: string; secret?: string }>(
          "POST",
          "/v1/keys",
          flags.name ? { name: flags.name } : {},
        );
        if (ctx.json) return printJson(key);
        console.log(
          `${key.id}: ${colours(false).bold(key.key ?? key.secret ?? "")}  (shown once; store it now)`,
        );
      }),
    );

  keys
    .command("revoke")
    .argument("<id>", "key id")
    .description("revoke a key")
    .action(
      withContext(async (ctx, id: string) => {
        const result = await ctx.hangar.request("DELETE", `/v1/keys/${encodeURIComponent(id)}`);
        if (ctx.json) return printJson(result ?? { id, revoked: true });
        console.log(`Revoked ${id}.`);
      }),
    );
}
