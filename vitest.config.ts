import { defineConfig } from "vitest/config";

/**
 * Unit tests run alone; integration and contract tests share one local stack (DynamoDB Local,
 * fauxqs, the Together simulator, the API and workers) started once per run.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts", "test/contract/**/*.test.ts"],
          globalSetup: ["test/setup/global.ts"],
          // One stack, one simulator: files that inject provider faults must not overlap others.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
