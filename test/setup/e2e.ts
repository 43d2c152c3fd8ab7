import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { assertChromium } from "../support/browser";
import startLocalStack from "./global";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * `npm run test:e2e`: fails at once without Chromium, builds the console as the API serves it
 * (packages/console/dist), then starts the same local stack as the integration tests.
 */
export default async function setup(project: TestProject) {
  assertChromium();
  const build = spawnSync(
    "npm",
    ["run", "--silent", "build", "-w", "@hangar/console", "--", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (build.status !== 0) throw new Error(`building the console failed (exit ${build.status})`);
  return startLocalStack(project);
}
