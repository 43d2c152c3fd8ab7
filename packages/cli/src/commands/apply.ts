import { readFile } from "node:fs/promises";
import { type Deployment, HangarError, type paths, unwrap } from "@hangar/sdk";
import type { Command } from "commander";
import { parse } from "yaml";
import * as z from "zod";
import { UsageError } from "../config";
import { type Context, withContext } from "../context";
import { colours, printJson } from "../output";
import { type DeploySpec, toCreate } from "../spec";
import { type WaitFlags, waitWithProgress } from "../wait";

/** hangar.yaml: the deployments that should exist, by name. Deployments it doesn't name are left alone. */
const Entry = z.object({
  name: z.string().min(1),
  provider: z.enum(["together", "fireworks"]),
  model: z.string().min(1),
  hardware: z.string().optional(),
  type: z.enum(["model", "adapter"]).optional(),
  base: z.string().optional(),
  minReplicas: z.number().int().min(0).default(1),
  maxReplicas: z.number().int().min(1).optional(),
  idleTimeout: z.number().int().nullable().optional(),
  schedule: z.record(z.string(), z.unknown()).nullable().optional(),
});
const File = z.object({ deployments: z.array(Entry).min(1) });
export type Entry = z.infer<typeof File>["deployments"][number];

type Patch = NonNullable<
  paths["/v1/deployments/{id}"]["patch"]["requestBody"]
>["content"]["application/json"];

type Change =
  | { kind: "create"; entry: Entry }
  | { kind: "update"; entry: Entry; current: Deployment; patch: Patch; fields: string[] }
  | { kind: "same"; entry: Entry; current: Deployment }
  | { kind: "conflict"; entry: Entry; current: Deployment; reason: string };

/** True when every key the file gives has the same value in what the server has (defaults filled in). */
function within(wanted: unknown, actual: unknown): boolean {
  if (wanted === null || typeof wanted !== "object") return wanted === actual;
  if (actual === null || typeof actual !== "object") return false;
  if (Array.isArray(wanted)) {
    return (
      Array.isArray(actual) && wanted.length === actual.length && wanted.every((w, i) => within(w, actual[i]))
    );
  }
  return Object.entries(wanted).every(([k, v]) => within(v, (actual as Record<string, unknown>)[k]));
}

/** `aliases`: other ids the deployment's hardware answers to (a v1 id of a Together v2 instance type). */
export function diff(entry: Entry, current: Deployment, aliases: readonly string[] = []): Change {
  if (current.provider !== entry.provider || current.model.source !== entry.model) {
    return {
      kind: "conflict",
      entry,
      current,
      reason: `provider and model can't change in place (${current.provider} ${current.model.source}); delete it first`,
    };
  }
  const patch: Patch = {};
  const fields: string[] = [];
  const min = entry.minReplicas;
  const max = Math.max(entry.maxReplicas ?? min, min);
  const a = current.autoscaling;
  if (a.minReplicas !== min || a.maxReplicas !== max) {
    patch.autoscaling = { minReplicas: min, maxReplicas: max };
    fields.push(`replicas ${a.minReplicas}-${a.maxReplicas} → ${min}-${max}`);
  }
  if (entry.hardware && entry.hardware !== current.hardware && !aliases.includes(entry.hardware)) {
    patch.hardware = entry.hardware;
    fields.push(`hardware ${current.hardware} → ${entry.hardware}`);
  }
  if (entry.idleTimeout !== undefined && entry.idleTimeout !== current.idleTimeoutMinutes) {
    patch.idleTimeoutMinutes = entry.idleTimeout;
    fields.push(`idle timeout ${current.idleTimeoutMinutes ?? "never"} → ${entry.idleTimeout ?? "never"}`);
  }
  if (entry.schedule !== undefined && !within(entry.schedule, current.schedule)) {
    patch.schedule = entry.schedule as Patch["schedule"];
    fields.push(entry.schedule ? "schedule changed" : "schedule removed");
  }
  return fields.length ? { kind: "update", entry, current, patch, fields } : { kind: "same", entry, current };
}

async function plan(ctx: Context, entries: Entry[]): Promise<Change[]> {
  const lists = new Map<string, Promise<{ id: string; aliases?: string[] }[]>>();
  const aliasesOf = async (entry: Entry, current: Deployment) => {
    if (!entry.hardware || entry.hardware === current.hardware) return [];
    if (!lists.has(current.provider)) {
      const query = { provider: current.provider as "together" | "fireworks" };
      lists.set(
        current.provider,
        ctx.hangar.api.GET("/v1/hardware", { params: { query } }).then((r) => unwrap(r).data),
      );
    }
    const list = await (lists.get(current.provider) as Promise<{ id: string; aliases?: string[] }[]>);
    return list.find((h) => h.id === current.hardware)?.aliases ?? [];
  };
  return Promise.all(
    entries.map(async (entry): Promise<Change> => {
      try {
        const current = await ctx.hangar.deployment(entry.name);
        return diff(entry, current, await aliasesOf(entry, current));
      } catch (error) {
        if (error instanceof HangarError && error.code === "deployment.not_found")
          return { kind: "create", entry };
        throw error;
      }
    }),
  );
}

function describe(change: Change) {
  const c = colours(false);
  const e = change.entry;
  switch (change.kind) {
    case "create":
      return c.green(`+ ${e.name}: create on ${e.provider} ${e.hardware ?? ""} from ${e.model}`);
    case "update":
      return c.yellow(`~ ${e.name}: ${change.fields.join("; ")}`);
    case "same":
      return c.dim(`= ${e.name}: unchanged`);
    case "conflict":
      return c.red(`! ${e.name}: ${change.reason}`);
  }
}

export function applyCommand(program: Command) {
  program
    .command("apply")
    .description("create or update deployments to match a file; shows the changes first; idempotent")
    .requiredOption("-f, --file <path>", "hangar.yaml")
    .option("--dry-run", "show the changes, change nothing")
    .option("--wait", "wait until every changed deployment is ready")
    .option("--timeout <duration>", "with --wait: give up after this long (default 30m)")
    .action(
      withContext(async (ctx, flags: WaitFlags & { file: string; dryRun?: boolean }) => {
        const parsed = File.safeParse(parse(await readFile(flags.file, "utf8")));
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new UsageError(
            "apply.invalid_file",
            `${flags.file}: ${issue?.path.join(".")}: ${issue?.message}`,
          );
        }
        const changes = await plan(ctx, parsed.data.deployments);
        const todo = changes.filter((c) => c.kind === "create" || c.kind === "update");
        const conflicts = changes.filter((c) => c.kind === "conflict");
        if (!ctx.json) for (const change of changes) console.log(describe(change));
        if (conflicts.length) {
          throw new UsageError(
            "apply.conflict",
            `${conflicts.length} deployment(s) can't be changed in place; nothing was applied.`,
          );
        }
        if (todo.length === 0 || flags.dryRun) {
          if (ctx.json) return printJson({ changes: changes.map(summary), applied: [] });
          return console.log(
            todo.length === 0
              ? `No changes: ${changes.length} deployment(s) match ${flags.file}.`
              : "Dry run: nothing changed.",
          );
        }
        const applied: Deployment[] = [];
        for (const change of todo) {
          const result =
            change.kind === "create"
              ? await ctx.hangar.api.POST("/v1/deployments", {
                  body: toCreate(change.entry as DeploySpec),
                })
              : await ctx.hangar.api.PATCH("/v1/deployments/{id}", {
                  params: { path: { id: change.current.id } },
                  body: change.patch,
                });
          applied.push(unwrap(result));
        }
        const settled = flags.wait
          ? await Promise.all(applied.map((d) => waitWithProgress(ctx, d, "ready", flags)))
          : applied;
        if (ctx.json) return printJson({ changes: changes.map(summary), applied: settled });
        console.log(`Applied ${todo.length} change(s)${flags.wait ? "; all ready" : ""}.`);
      }),
    );
}

const summary = (c: Change) => ({
  name: c.entry.name,
  action: c.kind,
  ...(c.kind === "update" ? { fields: c.fields } : {}),
  ...(c.kind === "conflict" ? { reason: c.reason } : {}),
});
