import { HangarError, unwrap } from "@hangar/sdk";
import type { Command } from "commander";
import { UsageError } from "../config";
import { withContext } from "../context";
import { printJson, table, usd } from "../output";
import { parseJson } from "./deploy";

type Provider = "together" | "fireworks";

export function catalogueCommands(program: Command) {
  program
    .command("hardware")
    .description("hardware a provider offers, cheapest first, with price and availability")
    .requiredOption("--provider <provider>", "together or fireworks")
    .option("--model <model>", "only hardware that can serve this model")
    .action(
      withContext(async (ctx, flags: { provider: Provider; model?: string }) => {
        const result = unwrap(
          await ctx.hangar.api.GET("/v1/hardware", {
            params: { query: { provider: flags.provider, model: flags.model } },
          }),
        );
        if (ctx.json) return printJson(result);
        const rows = result.data.map((h) => [
          h.id,
          `${h.gpu.count}x ${h.gpu.type} ${h.gpu.memoryGb} GB`,
          `${usd(h.pricePerHour)}/h`,
          h.priceSource,
          h.availability,
        ]);
        console.log(table(["ID", "GPU", "PRICE", "SOURCE", "AVAILABILITY"], rows));
      }),
    );

  program
    .command("models")
    .description("what a provider can deploy: your uploads, then its catalogue")
    .requiredOption("--provider <provider>", "together or fireworks")
    .action(
      withContext(async (ctx, flags: { provider: Provider }) => {
        const result = unwrap(
          await ctx.hangar.api.GET("/v1/models", { params: { query: { provider: flags.provider } } }),
        );
        if (ctx.json) return printJson(result);
        const rows = result.data.map((m) => [
          m.id,
          m.kind === "upload" ? `upload (${m.deploymentId})` : "catalogue",
          m.type ?? "-",
          m.contextLength ?? "-",
          m.hardware?.join(", ") ?? "-",
        ]);
        console.log(table(["MODEL", "KIND", "TYPE", "CONTEXT", "HARDWARE"], rows));
      }),
    );

  program
    .command("estimate")
    .description("what a deployment would cost a month, always on and with a schedule or idle policy")
    .requiredOption("--provider <provider>", "together or fireworks")
    .requiredOption("--hardware <id>", "hardware id")
    .option("--replicas <n>", "a fixed replica count")
    .option("--schedule <json>", "active windows (JSON, as in the API)")
    .option("--active-hours <n>", "with an idle policy: hours of traffic a day")
    .option("--idle-timeout <minutes>", "with an idle policy: stop after this long without traffic")
    .action(
      withContext(
        async (
          ctx,
          flags: {
            provider: Provider;
            hardware: string;
            replicas?: string;
            schedule?: string;
            activeHours?: string;
            idleTimeout?: string;
          },
        ) => {
          if (Boolean(flags.idleTimeout) !== Boolean(flags.activeHours)) {
            throw new UsageError(
              "request.invalid",
              "An idle policy needs both --idle-timeout and --active-hours.",
            );
          }
          const body = {
            provider: flags.provider,
            hardware: flags.hardware,
            ...(flags.replicas ? { replicas: Number(flags.replicas) } : {}),
            ...(flags.schedule ? { schedule: parseJson("--schedule", flags.schedule) } : {}),
            ...(flags.idleTimeout && flags.activeHours
              ? {
                  idle: {
                    idleTimeoutMinutes: Number(flags.idleTimeout),
                    activeHoursPerDay: Number(flags.activeHours),
                  },
                }
              : {}),
          };
          const e = unwrap(await ctx.hangar.api.POST("/v1/estimates", { body }));
          if (ctx.json) return printJson(e);
          console.log(`${flags.hardware} on ${flags.provider}: ${usd(e.price.pricePerHour)}/h per replica`);
          console.log(`  always on     ${usd(e.alwaysOn.monthlyUsd)}/month`);
          if (e.withPolicy)
            console.log(`  with policy   ${usd(e.withPolicy.monthlyUsd)}/month (${e.hoursPerWeek} h/week)`);
          if (e.savings)
            console.log(`  savings       ${usd(e.savings.monthlyUsd)}/month (${e.savings.percent}%)`);
        },
      ),
    );

  program
    .command("cost")
    .description("accrued cost and savings, this month by default")
    .option("--by <group>", "deployment, provider or day", "deployment")
    .option("--from <instant>", "ISO 8601 (default: start of this month, UTC)")
    .option("--to <instant>", "ISO 8601 (default: now)")
    .action(
      withContext(
        async (ctx, flags: { by: "deployment" | "provider" | "day"; from?: string; to?: string }) => {
          const result = unwrap(
            await ctx.hangar.api.GET("/v1/cost", {
              params: { query: { groupBy: flags.by, from: flags.from, to: flags.to } },
            }),
          );
          if (ctx.json) return printJson(result);
          const rows = result.groups.map((g) => [
            g.name ?? g.key,
            g.billableHours.toFixed(1),
            usd(g.costUsd),
            usd(g.savingsUsd),
          ]);
          rows.push([
            "total",
            result.total.billableHours.toFixed(1),
            usd(result.total.costUsd),
            usd(result.total.savingsUsd),
          ]);
          console.log(`${result.from} → ${result.to}`);
          console.log(table([flags.by.toUpperCase(), "BILLED HOURS", "COST", "SAVED"], rows));
        },
      ),
    );

  program
    .command("metrics")
    .argument("<deployment>", "name or id")
    .description("what the provider measured of a deployment: requests, tokens, latency, errors, replicas")
    .option("--window <window>", "1h (minute points), 24h (15-minute points) or 7d (hourly points)", "1h")
    .action(
      withContext(async (ctx, ref: string, flags: { window: "1h" | "24h" | "7d" }) => {
        const metrics = await ctx.hangar.api
          .GET("/v1/deployments/{id}/metrics", {
            params: { path: { id: ref }, query: { window: flags.window } },
          })
          .then(unwrap)
          .catch((error: unknown) => {
            // A Hangar older than the route answers route.not_found.
            if (!(error instanceof HangarError && error.code === "route.not_found")) throw error;
            throw new HangarError(
              404,
              "metrics.unavailable",
              "This Hangar doesn't offer metrics yet (no GET /v1/deployments/{id}/metrics). `hangar status` and `hangar cost` show activity and cost.",
            );
          });
        if (ctx.json) return printJson(metrics);
        if (!metrics.measured) {
          console.log(
            "This deployment's provider doesn't report usage: only proxy traffic and heartbeats count.",
          );
          return;
        }
        const t = metrics.totals;
        console.log(
          `${metrics.from} → ${metrics.to}: ${t.requests} requests, ${t.inputTokens} in / ${t.outputTokens} out tokens, ${t.errors} errors`,
        );
        const ms = (n: number | null | undefined) =>
          n === null || n === undefined ? "–" : `${Math.round(n)}`;
        const rows = metrics.points
          .filter((p) => p.requests > 0 || p.replicas !== null)
          .map((p) => [
            p.at,
            p.requestsPerMinute.toFixed(1),
            `${p.inputTokens}/${p.outputTokens}`,
            `${ms(p.latencyMs?.p50)}/${ms(p.latencyMs?.p95)}/${ms(p.latencyMs?.p99)}`,
            p.errorRate === null ? "–" : `${(p.errorRate * 100).toFixed(1)}%`,
            p.replicas === null ? "–" : String(p.replicas),
          ]);
        console.log(table(["AT", "REQ/MIN", "TOKENS IN/OUT", "P50/P95/P99 MS", "ERRORS", "REPLICAS"], rows));
      }),
    );
}
