import { readFile, writeFile } from "node:fs/promises";

export const LOCAL_TENANT = "default";

/**
 * The key for the local tenant: HANGAR_API_KEY when given; otherwise the one saved in `file`
 * by an earlier start, or a new one saved there (mode 0600). It is registered on every start,
 * so a wiped database still accepts the saved key. Needs the stack's env to be set.
 */
export async function localApiKey(options: { provided?: string; file?: string }): Promise<string> {
  const apikey = await import("@hangar/core/apikey/index");
  const saved = options.provided ? undefined : await readSaved(options.file);
  const key = options.provided ?? saved ?? apikey.generate();
  await apikey.create({ tenantId: LOCAL_TENANT, key, name: "local" });
  if (!options.provided && !saved && options.file) {
    await writeFile(options.file, `${key}\n`, { mode: 0o600 });
  }
  return key;
}

async function readSaved(file: string | undefined): Promise<string | undefined> {
  if (!file) return undefined;
  try {
    return (await readFile(file, "utf8")).trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
