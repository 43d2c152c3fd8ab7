import type { Deployment, WaitTarget } from "@hangar/sdk";
import { unwrap } from "@hangar/sdk";
import type { Command } from "commander";
import { type Context, withContext } from "../context";
import { colours, duration, printJson, stateColour, table, usd } from "../output";
import { parseSeconds, type WaitFlags, waitWithProgress } from "../wait";

const waitOptions = (command: Command, what: string) =>
  command
    .option("--wait", `wait until it is ${what}`)
    .option("--timeout <duration>", "with --wait: give up after this long (default 30m)");

/** Prints the deployment after an accepted change, or waits for the state it leads to. */
async function settle(
  ctx: Context,
  accepted: Deployment,
  target: WaitTarget,
  flags: WaitFlags,
  verb: string,
) {
  if (!flags.wait) {
    if (ctx.json) return printJson(accepted);
    return console.log(
      `${accepted.name}: ${verb} (${stateColour(accepted.state)}). Add --wait to wait until ${target}.`,
    );
  }
  const done = await waitWithProgress(ctx, accepted, target, flags);
  if (ctx.json) return printJson(done);
  console.log(`${done.name}: ${stateColour(done.state)}`);
}

export function deploymentCommands(program: Command) {
  program
    .command("list")
    .alias("ls")
    .description("your deployments: state, hardware, price, cost this month, idle time")
    .option("--all", "include deleted deployments")
    .option("--state <state>", "only this state")
    .option("--provider <provider>", "only this provider")
    .action(
      withContext(async (ctx, flags: { all?: boolean; state?: string; provider?: string }) => {
        const list: Deployment[] = [];
        for await (const d of ctx.hangar.deployments()) {
          if (flags.state ? d.state !== flags.state : !flags.all && d.state === "deleted") continue;
          if (flags.provider && d.provider !== flags.provider) continue;
          list.push(d);
        }
        if (ctx.json) return printJson({ data: list });
        if (list.length === 0)
          return console.log("No deployments yet. Create one with: hangar deploy --help");
        const cost = unwrap(
          await ctx.hangar.api.GET("/v1/cost", { params: { query: { groupBy: "deployment" } } }),
        );
        const month = new Map(cost.groups.map((g) => [g.key, g.costUsd]));
        const now = Date.now();
        const rows = list.map((d) => [
          d.name,
          d.provider,
          stateColour(d.state),
          d.hardware,
          `${d.autoscaling.minReplicas}-${d.autoscaling.maxReplicas}`,
          d.price ? usd(d.price.pricePerHour * d.autoscaling.minReplicas) : "-",
          usd(month.get(d.id) ?? 0),
          d.state === "ready" ? duration(now - Date.parse(d.lastActivityAt ?? d.updatedAt)) : "-",
        ]);
        console.log(
          table(["NAME", "PROVIDER", "STATE", "HARDWARE", "REPLICAS", "$/H", "THIS MONTH", "IDLE FOR"], rows),
        );
      }),
    );

  program
    .command("status")
    .argument("<deployment>", "name or id")
    .description("a deployment's details, what Hangar will do next, and its last events")
    .action(
      withContext(async (ctx, ref: string) => {
        const d = await ctx.hangar.deployment(ref);
        if (ctx.json) return printJson(d);
        const c = colours(false);
        const events = unwrap(
          await ctx.hangar.api.GET("/v1/deployments/{id}/events", { params: { path: { id: d.id } } }),
        );
        const fields: [string, string][] = [
          ["id", d.id],
          ["state", stateColour(d.state) + (d.stopReason ? ` (${d.stopReason})` : "")],
          ["provider", `${d.provider}${d.apiVersion ? ` ${d.apiVersion}` : ""} ${d.hardware}`],
          [
            "model",
            `${d.model.source}${d.model.type === "adapter" ? ` (adapter on ${d.model.baseDeploymentId ?? d.model.baseModel})` : ""}`,
          ],
          ["replicas", `${d.autoscaling.minReplicas}-${d.autoscaling.maxReplicas}`],
          ["price", d.price ? `${usd(d.price.pricePerHour)}/h per replica` : "-"],
          ["idle timeout", d.idleTimeoutMinutes === null ? "never" : `${d.idleTimeoutMinutes} min`],
          ["endpoint", d.endpoint ? `${d.endpoint.name}` : "-"],
          ["last activity", d.lastActivityAt ?? "-"],
          ["held until", d.heldUntil ?? "-"],
        ];
        if (d.migration) fields.push(["migrating", `to ${d.migration.to}, since ${d.migration.startedAt}`]);
        if (d.migratedFrom)
          fields.push([
            "migrated from",
            `${d.migratedFrom.endpointName} (${d.migratedFrom.apiVersion}) at ${d.migratedFrom.at}`,
          ]);
        if (d.lastError) fields.push(["last error", c.red(`${d.lastError.code}: ${d.lastError.message}`)]);
        const width = Math.max(...fields.map(([k]) => k.length));
        console.log(c.bold(d.name));
        for (const [k, v] of fields) console.log(`  ${k.padEnd(width)}  ${v}`);
        if (d.nextActions.length) {
          console.log(c.bold("next"));
          for (const a of d.nextActions) console.log(`  ${a.action} at ${a.at} (${a.reason})`);
        }
        console.log(c.bold("last events"));
        for (const e of events.data.slice(-5))
          console.log(
            e.kind === "provider"
              ? `  ${e.at}  provider: ${e.type}${e.message ? `  ${e.message}` : ""}`
              : `  ${e.at}  ${e.from ?? "-"} → ${e.to}${e.reason ? `  ${e.reason}` : ""}`,
          );
      }),
    );

  program
    .command("events")
    .argument("<deployment>", "name or id")
    .description("a deployment's state history, oldest first")
    .action(
      withContext(async (ctx, ref: string) => {
        const result = unwrap(
          await ctx.hangar.api.GET("/v1/deployments/{id}/events", { params: { path: { id: ref } } }),
        );
        if (ctx.json) return printJson(result);
        console.log(
          table(
            ["AT", "FROM", "TO", "REASON", "MESSAGE"],
            result.data.map((e) =>
              e.kind === "provider"
                ? [e.at, "provider", e.type ?? "", e.reason ?? "", e.message ?? ""]
                : [e.at, e.from ?? "-", e.to ? stateColour(e.to) : "", e.reason ?? "", e.message ?? ""],
            ),
          ),
        );
      }),
    );

  const actions = [
    [
      "stop",
      "stop it (keeps the endpoint, stops billing)",
      "/v1/deployments/{id}/stop",
      "stopped",
      "stopping",
    ],
    ["start", "start a stopped deployment", "/v1/deployments/{id}/start", "ready", "starting"],
  ] as const;
  for (const [name, description, path, target, verb] of actions) {
    waitOptions(
      program.command(name).argument("<deployment>", "name or id").description(description),
      target,
    ).action(
      withContext(async (ctx, ref: string, flags: WaitFlags) => {
        const accepted = unwrap(await ctx.hangar.api.POST(path, { params: { path: { id: ref } } }));
        await settle(ctx, accepted, target, flags, verb);
      }),
    );
  }

  program
    .command("migrate")
    .argument("<deployment>", "name or id")
    .description("move a Together v1 deployment to v2, without stopping its traffic")
    .option("--drain <seconds>", "how long the v1 endpoint keeps serving after the switch (default 300)")
    .option(
      "--timeout <seconds>",
      "how long v2 may take to serve before the migration is abandoned (default 3600)",
    )
    .action(
      withContext(async (ctx, ref: string, flags: { drain?: string; timeout?: string }) => {
        const body = {
          ...(flags.drain === undefined ? {} : { drainSeconds: Number(flags.drain) }),
          ...(flags.timeout === undefined ? {} : { timeoutSeconds: Number(flags.timeout) }),
        };
        const accepted = unwrap(
          await ctx.hangar.api.POST("/v1/deployments/{id}/migrate", { params: { path: { id: ref } }, body }),
        );
        if (ctx.json) return printJson(accepted);
        console.log(
          `${accepted.name}: migrating to Together v2; it keeps serving on ${accepted.endpoint?.name ?? "v1"} until the switch. \`hangar status ${accepted.name}\` shows apiVersion; the deployment.migrated webhook says when.`,
        );
      }),
    );

  waitOptions(
    program
      .command("delete")
      .alias("rm")
      .argument("<deployment>", "name or id")
      .description("delete it and its endpoint"),
    "deleted",
  ).action(
    withContext(async (ctx, ref: string, flags: WaitFlags) => {
      const accepted = unwrap(
        await ctx.hangar.api.DELETE("/v1/deployments/{id}", { params: { path: { id: ref } } }),
      );
      await settle(ctx, accepted, "deleted", flags, "deleting");
    }),
  );

  waitOptions(
    program
      .command("scale")
      .argument("<deployment>", "name or id")
      .description("change autoscaling")
      .requiredOption("--min <n>", "minimum replicas")
      .option("--max <n>", "maximum replicas (default the minimum)"),
    "ready",
  ).action(
    withContext(async (ctx, ref: string, flags: WaitFlags & { min: string; max?: string }) => {
      const minReplicas = Number(flags.min);
      const maxReplicas = Number(flags.max ?? flags.min);
      const accepted = unwrap(
        await ctx.hangar.api.PATCH("/v1/deployments/{id}", {
          params: { path: { id: ref } },
          body: { autoscaling: { minReplicas, maxReplicas } },
        }),
      );
      await settle(ctx, accepted, "ready", flags, "scaling");
    }),
  );

  program
    .command("rename")
    .argument("<deployment>", "name or id")
    .argument("<new-name>", "unique among your deployments")
    .description("rename a deployment")
    .action(
      withContext(async (ctx, ref: string, name: string) => {
        const d = unwrap(
          await ctx.hangar.api.PATCH("/v1/deployments/{id}", {
            params: { path: { id: ref } },
            body: { name },
          }),
        );
        if (ctx.json) return printJson(d);
        console.log(`${ref} is now ${d.name}.`);
      }),
    );

  program
    .command("lease")
    .argument("<deployment>", "name or id")
    .description("keep a deployment up (no idle or scheduled stop) for a while")
    .requiredOption("--for <duration>", "how long, e.g. 2h or 90m")
    .requiredOption("--reason <text>", "why, for whoever wonders later")
    .action(
      withContext(async (ctx, ref: string, flags: { for: string; reason: string }) => {
        const durationMinutes = Math.max(1, Math.round(parseSeconds(flags.for) / 60));
        const lease = unwrap(
          await ctx.hangar.api.POST("/v1/deployments/{id}/leases", {
            params: { path: { id: ref } },
            body: { durationMinutes, reason: flags.reason },
          }),
        );
        if (ctx.json) return printJson(lease);
        console.log(`${ref} is held until ${lease.until} (${lease.id}).`);
      }),
    );
}
