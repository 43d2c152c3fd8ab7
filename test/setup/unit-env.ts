/**
 * Unit tests run with none of the stack's settings: the integration project's globalSetup puts the
 * local stack's env into the parent process (its handlers run there), and workers inherit it, as
 * they would a developer's shell. Each unit test file starts without them and sets what it tests.
 */
export const STACK_ENV_PREFIXES = ["HANGAR_", "AWS_", "TOGETHER_", "FIREWORKS_", "HF_"];

for (const name of Object.keys(process.env)) {
  if (STACK_ENV_PREFIXES.some((prefix) => name.startsWith(prefix))) delete process.env[name];
}

// Metrics are counted but not printed, as on the local stack.
process.env.POWERTOOLS_METRICS_DISABLED = "true";
