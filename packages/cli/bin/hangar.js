#!/usr/bin/env node
// The published package runs the bundle in dist/ (npm run build); a clone runs the TypeScript
// sources through tsx, the repository's devDependency.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/hangar.js", import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/main.ts");
}
