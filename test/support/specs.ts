import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The provider API references live beside the repository, not in it: `<repo>/../shared/reference`. */
export const referenceDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/reference");

export const providerSpecs = ["together-openapi.yaml", "fireworks-openapi.yaml"] as const;

/** The path of a saved provider spec; throws, naming the path, when it is not there. */
export function providerSpec(name: (typeof providerSpecs)[number]): string {
  const path = resolve(referenceDir, name);
  if (!existsSync(path)) {
    throw new Error(
      `Provider spec missing: ${path}. The contract tests (npm run test:contract) need the provider API ` +
        "references in ../shared/reference beside the repository; npm test does not.",
    );
  }
  return path;
}
