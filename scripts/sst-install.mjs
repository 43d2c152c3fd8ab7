// Generates .sst/platform (the types behind `sst` and `$config`) so tsc can check sst.config.ts.
// No AWS account is needed: `sst install` only fetches the platform's npm dependencies.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const types = fileURLToPath(new URL("../.sst/platform/config.d.ts", import.meta.url));

const result = spawnSync("npx", ["--no-install", "sst", "install"], {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    SST_SKIP_DEPENDENCY_CHECK: "true",
    SST_NO_BUN: "1",
    SST_STAGE: process.env.SST_STAGE ?? "dev",
    SST_TELEMETRY_DISABLED: "1",
  },
});

if (result.error) throw result.error;
if (result.status !== 0) {
  console.error(`sst install failed (exit ${result.status ?? result.signal})`);
  process.exit(1);
}
if (!existsSync(types)) {
  console.error(`sst install succeeded but ${types} is missing; sst.config.ts cannot be type-checked`);
  process.exit(1);
}
