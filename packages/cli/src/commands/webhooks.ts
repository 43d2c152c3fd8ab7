import { type components, unwrap } from "@hangar/sdk";
import type { Command } from "commander";
import { withContext } from "../context";
import { colours, printJson, table } from "../output";

type EventType = components["schemas"]["WebhookSubscription"]["events"];
const eventsOf = (list?: string) =>
  list
    ?.split(",")
    .map((e) => e.trim())
    .filter(Boolean) ?? [];

export function webhooksCommand(program: Command) {
  const webhooks = program.command("webhooks").description("signed event deliveries to your URLs");

  webhooks
    .command("add")
    .argument("<url>", "where to POST events")
    .option("--events <types>", "comma-separated event types (default: every event)")
    .description("subscribe a URL; prints the signing secret once")
    .action(
      withContext(async (ctx, url: string, flags: { events?: string }) => {
        const events = eventsOf(flags.events) as EventType;
        const sub = unwrap(await ctx.hangar.api.POST("/v1/webhooks", { body: { url, events } }));
        if (ctx.json) return printJson(sub);
        const c = colours(false);
        console.log(`${sub.id} → ${sub.url}`);
        console.log(
          `signing secret (shown once): ${c.bold(String((sub as { secret?: string }).secret ?? ""))}`,
        );
      }),
    );

  webhooks
    .command("list")
    .alias("ls")
    .description("your subscriptions")
    .action(
      withContext(async (ctx) => {
        const result = unwrap(await ctx.hangar.api.GET("/v1/webhooks"));
        if (ctx.json) return printJson(result);
        const rows = result.data.map((w) => [
          w.id,
          w.url,
          w.events.length ? w.events.join(",") : "all",
          w.status + (w.failingSince ? ` (failing since ${w.failingSince})` : ""),
        ]);
        console.log(table(["ID", "URL", "EVENTS", "STATUS"], rows));
      }),
    );

  webhooks
    .command("rm")
    .argument("<id>", "subscription id")
    .description("unsubscribe")
    .action(
      withContext(async (ctx, id: string) => {
        const result = await ctx.hangar.api.DELETE("/v1/webhooks/{id}", { params: { path: { id } } });
        unwrap(result);
        if (ctx.json) return printJson({ id, deleted: true });
        console.log(`Removed ${id}.`);
      }),
    );

  webhooks
    .command("deliveries")
    .argument("<id>", "subscription id")
    .description("recent deliveries and their outcome")
    .action(
      withContext(async (ctx, id: string) => {
        const result = unwrap(
          await ctx.hangar.api.GET("/v1/webhooks/{id}/deliveries", { params: { path: { id } } }),
        );
        if (ctx.json) return printJson(result);
        const rows = result.data.map((d) => [
          d.eventId,
          d.eventType,
          d.status,
          d.attempts,
          d.lastResponseStatus ?? d.lastError ?? "-",
        ]);
        console.log(table(["EVENT", "TYPE", "STATUS", "ATTEMPTS", "LAST"], rows));
      }),
    );
}
