import { Hangar } from "@hangar/sdk";
import type { Command } from "commander";
import { resolveConnection } from "./config";

export type GlobalOptions = { url?: string; apiKey?: string; json?: boolean };

export type Context = { hangar: Hangar; json: boolean; url: string; apiKey: string };

/** The client and output mode for a command, from its flags and the global ones. */
export async function context(command: Command): Promise<Context> {
  const options = command.optsWithGlobals<GlobalOptions>();
  const connection = await resolveConnection(options);
  return { hangar: new Hangar(connection), json: options.json === true, ...connection };
}

/** Wraps an action so it gets its context first; errors reach the one handler in main.ts. */
export function withContext<A extends unknown[]>(action: (ctx: Context, ...args: A) => Promise<void>) {
  return async (...args: A) => {
    const command = args[args.length - 1] as Command;
    await action(await context(command), ...args);
  };
}
