import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const core = join(root, "packages/core/src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "sim" ? [] : sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/**
 * The domain folders that own items keyed by each prefix (store/schema.ts lists the items).
 * Budgets live in a deployment's or tenant's item collection; notices are keyed by event id.
 */
const owners: Record<string, string[]> = {
  "DEP#": ["deployment", "budget"],
  "EVT#": ["deployment", "webhook"],
  "LEASE#": ["deployment"],
  "IDEM#": ["deployment"],
  "BASE#": ["deployment"],
  "ACT#": ["deployment"],
  "SERVING#": ["deployment"],
  "USAGE#": ["deployment"],
  "TEN#": ["deployment", "budget", "tenant", "apikey", "webhook"],
  "KEY#": ["apikey"],
  "WHK#": ["webhook"],
  "DLV#": ["webhook"],
  "NTK#": ["webhook"],
};

describe("table keys", () => {
  it("are spelled only by the domains that own their items; others take them from the owner", () => {
    const files = [
      ...sources(core),
      ...sources(join(root, "packages/core/providers")),
      ...sources(join(root, "packages/functions/src")),
    ];
    const strays: string[] = [];
    for (const file of files) {
      const path = relative(core, file);
      if (path === join("store", "schema.ts")) continue;
      const domain = path.split("/")[0] ?? "";
      const code = readFileSync(file, "utf8").replaceAll(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      for (const [prefix, domains] of Object.entries(owners)) {
        if (code.includes(prefix) && !domains.includes(domain)) strays.push(`${prefix} in ${path}`);
      }
    }
    expect(strays).toEqual([]);
  });
});
