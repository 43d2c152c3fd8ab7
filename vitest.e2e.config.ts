import { defineConfig } from "vitest/config";

/**
 * `npm run test:e2e`: the console driven in Chromium (playwright-core + Debian's chromium) against
 * the local stack. Not part of `npm test`, which must pass on a machine without a browser; CI
 * runs it after (.ci/run installs Chromium), and it fails loudly when Chromium is missing.
 */
export default defineConfig({
  test: {
    name: "e2e",
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/setup/e2e.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
