import { unwrap } from "@hangar/sdk";
import type { Command } from "commander";
import { UsageError } from "../config";
import { type Context, withContext } from "../context";
import { colours, printJson } from "../output";
import { type DeploySpec, toCreate } from "../spec";
import { suggestModels } from "../suggest";
import { waitWithProgress } from "../wait";

type Flags = {
  provider: DeploySpec["provider"];
  model: string;
  hardware?: string;
  name?: string;
  type?: "model" | "adapter";
  base?: string;
  baseDeployment?: string;
  minReplicas?: string;
  maxReplicas?: string;
  idleTimeout?: string;
  schedule?: string;
  wait?: boolean;
  timeout?: string;
};

const int = (flag: string, value: string | undefined) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n))
    throw new UsageError("request.invalid", `${flag} takes a whole number, not ${value}.`);
  return n;
};

export function deployCommand(program: Command) {
  program
    .command("deploy")
    .description("deploy a model onto a provider's dedicated GPUs")
    .requiredOption("--provider <provider>", "together or fireworks")
    .requiredOption("--model <source>", "hf://org/repo, s3://bucket/key, https://… or a provider model name")
    .option("--hardware <id>", "hardware id (see `hangar hardware --provider P`)")
    .option("--name <name>", "a name unique among your deployments")
    .option("--type <type>", "model or adapter")
    .option("--base <model>", "an adapter's base model")
    .option("--base-deployment <name|id>", "load the adapter onto this deployment")
    .option("--min-replicas <n>", "autoscaling minimum (default 1)")
    .option("--max-replicas <n>", "autoscaling maximum (default the minimum)")
    .option("--idle-timeout <minutes>", "stop after this long without traffic ('never' for no idle stop)")
    .option("--schedule <json>", 'active windows, e.g. \'{"timezone":"Europe/Paris","windows":[…]}\'')
    .option("--wait", "wait until it is ready")
    .option("--timeout <duration>", "with --wait: give up after this long (default 30m)")
    .action(
      withContext(async (ctx, flags: Flags) => {
        const spec: DeploySpec = {
          name: flags.name,
          provider: flags.provider,
          model: flags.model,
          hardware: flags.hardware,
          type: flags.type,
          base: flags.base,
          minReplicas: int("--min-replicas", flags.minReplicas),
          maxReplicas: int("--max-replicas", flags.maxReplicas),
          idleTimeout: flags.idleTimeout === "never" ? null : int("--idle-timeout", flags.idleTimeout),
          schedule: flags.schedule ? parseJson("--schedule", flags.schedule) : undefined,
        };
        if (flags.baseDeployment)
          spec.baseDeployment = (await ctx.hangar.deployment(flags.baseDeployment)).id;
        const { hangar } = ctx;
        const created = await hangar.api.POST("/v1/deployments", { body: toCreate(spec) });
        const deployment = await suggestOnFailure(ctx, spec, async () => unwrap(created));
        const c = colours(ctx.json);
        if (!ctx.json) {
          const price = deployment.price
            ? ` at $${deployment.price.pricePerHour.toFixed(2)}/h per replica`
            : "";
          console.log(
            `${c.bold(deployment.name)} (${deployment.id}) accepted on ${deployment.provider} ${deployment.hardware}${price}.`,
          );
        }
        if (!flags.wait) {
          if (ctx.json) printJson(deployment);
          else
            console.log(`Follow it with: hangar status ${deployment.name}   or wait: hangar deploy … --wait`);
          return;
        }
        const ready = await suggestOnFailure(ctx, spec, () =>
          waitWithProgress(ctx, deployment, "ready", flags),
        );
        if (ctx.json) return printJson(ready);
        console.log(
          `${c.green("ready")}: ${ready.name} serves as model ${c.bold(ready.endpoint?.name ?? "?")}`,
        );
        console.log(`Try it: hangar test ${ready.name} "Hello"   or   hangar chat ${ready.name}`);
      }),
    );
}

async function suggestOnFailure<T>(ctx: Context, spec: DeploySpec, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    await suggestModels(ctx, spec.provider, spec.model, error);
    throw error;
  }
}

export function parseJson(flag: string, value: string) {
  try {
    return JSON.parse(value);
  } catch {
    throw new UsageError("request.invalid", `${flag} takes JSON: ${value}`);
  }
}
