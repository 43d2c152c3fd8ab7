import { defineConfig } from "vitest/config";

/**
 * Contract tests (`npm run test:contract`): the clients and simulators against the providers' saved
 * OpenAPI specs in ../shared/reference beside the repository. A clone without them cannot run these,
 * so they are not part of `npm test`; the run fails, naming the missing file, instead of skipping.
 */
export default defineConfig({
  test: {
    name: "contract",
    include: ["test/contract/**/*.test.ts"],
    globalSetup: ["test/setup/contract.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
