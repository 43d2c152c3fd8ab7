import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sources(path);
    return /\.(ts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Names read from the environment: `process.env.X`, `env.X`, `env["X"]`, and the helpers that take a name. */
const READS = [
  /\b(?:process\.env|env|source)(?:\.|\[")([A-Z][A-Z0-9]*_[A-Z0-9_]+)/g,
  /\b(?:envNumber|required|seconds)\("([A-Z][A-Z0-9]*_[A-Z0-9_]+)"/g,
  /\bnumber\(env, "([A-Z][A-Z0-9]*_[A-Z0-9_]+)"/g,
  /\benv: "([A-Z][A-Z0-9]*_[A-Z0-9_]+)"/g,
];

describe("the README's configuration section", () => {
  it("documents every environment variable the code reads", () => {
    const files = ["packages", "scripts", "examples"].flatMap(sources);
    const read = new Set(
      files.flatMap((file) => {
        const text = readFileSync(join(root, file), "utf8");
        return READS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1] ?? ""));
      }),
    );
    expect(read).toContain("HANGAR_LOG_LEVEL");
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const configuration = readme.slice(
      readme.indexOf("\n## Configuration\n"),
      readme.indexOf("\n## Deploying"),
    );
    const missing = [...read].filter((name) => !configuration.includes(`\`${name}\``)).sort();
    expect(missing).toEqual([]);
  });
});
