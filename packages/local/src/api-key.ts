import { readFile, writeFile } from "node:fs/promises";

export const LOCAL_TENANT = "default";

/**
 * The key for the local tenant: HANGAR_API_KEY when given; otherwise the one saved in `file`
 * by an earlier start, or a new one saved there (mode 0600), also when the saved one was revoked.
 * It is registered on every start, so a wiped database still accepts the saved key. Needs the
 * stack's env to be set.
 */
export async function localApiKey(options: { provided?: string; file?: string }): Promise<string> {
  const apikey = await import("@hangar/core/apikey/index");
  const saved = options.provided ? undefined : await readSaved(options.file);
  const given = options.provided ?? saved;
  const registered = given
    ? await apikey.create({ tenantId: LOCAL_TENANT, key: given, name: "local" })
    : undefined;
  if (registered?.revoked && options.provided) {
    throw new Error("HANGAR_API_KEY was revoked (DELETE /v1/keys); unset it or pass another key.");
  }
  if (registered && !registered.revoked) return registered.key;
  // No key yet, or the saved one was revoked through the API: a fresh one replaces it.
  const key = (await apikey.create({ tenantId: LOCAL_TENANT, name: "local" })).key;
  if (options.file) await writeFile(options.file, `${key}\n`, { mode: 0o600 });
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
