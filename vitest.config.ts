import { defineConfig } from "vitest/config";

/**
 * `npm test`: unit tests, and integration tests that share one local stack (DynamoDB Local, fauxqs,
 * the simulators, the API and workers) started once per run. Neither needs anything beside the
 * repository; the contract tests that do are in vitest.contract.config.ts (`npm run test:contract`).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          setupFiles: ["test/setup/unit-env.ts", "test/setup/providers.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/setup/global.ts"],
          setupFiles: ["test/setup/providers.ts"],
          // One stack, one simulator: files that inject provider faults must not overlap others.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
