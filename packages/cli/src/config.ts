import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import envPaths from "env-paths";

export type Connection = { url: string; apiKey: string };

/** `$XDG_CONFIG_HOME/hangar/config.json` on Linux, the platform's config directory elsewhere. */
export function configPath(): string {
  if (process.env.HANGAR_CONFIG) return process.env.HANGAR_CONFIG;
  return join(envPaths("hangar", { suffix: "" }).config, "config.json");
}

export async function readConfig(): Promise<Partial<Connection>> {
  try {
    return JSON.parse(await readFile(configPath(), "utf8")) as Partial<Connection>;
  } catch {
    return {};
  }
}

/** The API key is a secret: the file is readable by its owner only. */
export async function writeConfig(connection: Connection): Promise<string> {
  const path = configPath();
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${JSON.stringify(connection, null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return path;
}

/** Flags over environment over the config file. */
export async function resolveConnection(flags: { url?: string; apiKey?: string }): Promise<Connection> {
  const file = await readConfig();
  // An empty variable counts as unset, as shells make it easy to leave one empty.
  const url = flags.url || process.env.HANGAR_URL || file.url;
  const apiKey = flags.apiKey || process.env.HANGAR_API_KEY || file.apiKey;
  if (!url || !apiKey) {
    throw new UsageError(
      "config.missing",
      "No Hangar to talk to: run `hangar login`, or set HANGAR_URL and HANGAR_API_KEY, or pass --url and --api-key.",
    );
  }
  return { url, apiKey };
}

/** A mistake on the command line: exit 2, like other CLIs. */
export class UsageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}
