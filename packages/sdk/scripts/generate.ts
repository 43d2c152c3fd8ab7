/**
 * files differ, so CI catches an API change whose SDK was not regenerated.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const check = process.argv.includes("--check");
const specPath = fileURLToPath(new URL("../openapi.json", import.meta.url));
const typesPath = fileURLToPath(new URL("../src/generated/schema.ts", import.meta.url));

const { app } = await import("@hangar/functions/api/index");
const response = await app.request("/openapi.json");
if (!response.ok) throw new Error(`GET /openapi.json answered ${response.status}`);
const document = (await response.json()) as Record<string, unknown>;
// The served document names the request's origin; the SDK takes its base URL from the caller.
delete document.servers;

const spec = `${JSON.stringify(document, null, 2)}\n`;
const header = "// Generated from Hangar's OpenAPI document by `npm run sdk:generate`. Do not edit.\n";
const types = header + astToString(await openapiTS(document as Parameters<typeof openapiTS>[0]));

const stale: string[] = [];
for (const [path, text] of [
  [specPath, spec],
  [typesPath, types],
] as const) {
  const current = await readFile(path, "utf8").catch(() => "");
  if (current === text) continue;
  if (check) stale.push(path);
  else await writeFile(path, text);
}
if (stale.length) {
  console.error(
    `The SDK is out of date with the API's OpenAPI document:\n  ${stale.join("\n  ")}\nRun \`npm run sdk:generate\` and commit the result.`,
  );
  process.exit(1);
}
console.log(check ? "SDK matches the served OpenAPI document." : "SDK regenerated.");
