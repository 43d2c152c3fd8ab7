import { parseArgs } from "node:util";
import * as ApiKey from "@hangar/core/apikey/index";

const usage = "Usage: npm run keys:create -- --tenant <id> [--name <name>]";

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(1);
}

let values: { tenant?: string; name?: string };
try {
  ({ values } = parseArgs({ options: { tenant: { type: "string" }, name: { type: "string" } } }));
} catch (error) {
  fail((error as Error).message);
}

if (!values.tenant) fail("--tenant is required.");
const table = process.env.HANGAR_TABLE;
if (!table) fail("HANGAR_TABLE is not set; for a deployed stage it is the `table` output of `sst deploy`.");

const key = await ApiKey.create({ tenantId: values.tenant, name: values.name });
// The key goes alone to stdout so it can be piped; only its hash is stored, so this is the one chance to copy it.
console.error(`Created ${key.id} for tenant ${key.tenantId} in ${table}. It will not be shown again:`);
console.log(key.key);
