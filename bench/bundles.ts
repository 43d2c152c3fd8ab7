import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build, type Metafile } from "esbuild";
import { machine } from "./machine";

/**
 * Builds every Lambda handler the way SST builds a Node function (esbuild, ESM, minified,
 * dependencies bundled, node22, and code splitting, as `nodejs.splitting` in sst.config.ts asks)
 * and prints, for each, two sizes and a time, next to two bare baselines built the same way in the
 * same run (a handler importing only the DynamoDB and SQS clients, and a bare Hono function-URL
 * handler):
 *
 * - shipped: every file of the bundle, the entry and all its chunks: what SST uploads.
 * - cold start: the entry and the chunks it imports statically: what Lambda loads before the first
 *   call. Chunks behind an `import()` (a provider's client, undici, S3, EventBridge, the AWS SDK's
 *   unused credential sources) load only when a call needs them. The size targets apply here.
 * - cold import: the time a fresh Node process takes to import the entry (so, the cold-start set).
 *
 *   npm run bench:bundles            # table
 *   npm run bench:bundles -- --inputs worker   # also the largest inputs of one bundle
 *   npm run check:bundles            # sizes only; fails when a function passes its target (CI)
 */

const root = resolve(import.meta.dirname, "..");
const out = mkdtempSync(join(tmpdir(), "hangar-bundles-"));

const handlers: Record<string, string> = {
  api: "packages/functions/src/api/handler.ts",
  worker: "packages/functions/src/worker.ts",
  "webhook-sender": "packages/functions/src/webhook-sender.ts",
  poller: "packages/functions/src/poller.ts",
  "policy-sweeper": "packages/functions/src/policy-sweeper.ts",
  "budget-checker": "packages/functions/src/budget-checker.ts",
};

const baselines: Record<string, string> = {
  "bare: dynamodb + sqs": `
    import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
    import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";
    const dynamo = new DynamoDBClient({});
    const sqs = new SQSClient({});
    export const handler = async () => [dynamo, sqs, GetItemCommand, SendMessageCommand].length;`,
  "bare: hono function URL": `
    import { Hono } from "hono";
    import { streamHandle } from "hono/aws-lambda";
    const app = new Hono().get("/", (c) => c.text("ok"));
    export const handler = streamHandle(app);`,
};

/**
 * Issue 8's targets, as SST builds the functions, on the cold-start set. Crons need only DynamoDB,
 * SQS and their own logic. The API's cold start holds all of zod (@hono/zod-openapi hands the
 * whole `z` namespace, locales included, to extendZodWithOpenApi) and the AWS clients; provider
 * clients, undici, S3 and the Prefer header's parser load on demand.
 */
const KB = 1024;
const targets: Record<string, number> = {
  api: 1024 * KB,
  poller: 700 * KB,
  "policy-sweeper": 700 * KB,
  "budget-checker": 700 * KB,
};

const check = process.argv.includes("--check");

type Row = {
  name: string;
  shipped: number;
  coldStart: number;
  importMs?: number;
  metafile: Metafile;
  /** Output paths (relative to the repository) of the entry and the chunks it imports statically. */
  loaded: Set<string>;
};

async function bundle(name: string, entry: { file: string } | { source: string }): Promise<Row> {
  const outdir = join(out, name.replace(/[^a-z0-9-]/gi, "_"));
  const result = await build({
    ...("file" in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.source, resolveDir: root, loader: "ts", sourcefile: "baseline.ts" } }),
    absWorkingDir: root,
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node22",
    minify: true,
    metafile: true,
    mainFields: ["module", "main"],
    // What SST prepends (to every chunk) so bundled CommonJS dependencies can still require().
    banner: {
      js: `import { createRequire as topLevelCreateRequire } from 'module';const require = topLevelCreateRequire(import.meta.url);`,
    },
    logLevel: "error",
  });
  const outputs = result.metafile.outputs;
  const entryPoint = "file" in entry ? entry.file : "baseline.ts";
  const main = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === entryPoint);
  if (!main) throw new Error(`esbuild wrote no output for ${entryPoint}`);
  const loaded = new Set<string>();
  const pending = [main];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (loaded.has(path)) continue;
    loaded.add(path);
    for (const i of outputs[path]?.imports ?? [])
      if (i.kind === "import-statement" && !i.external) pending.push(i.path);
  }
  const sum = (paths: Iterable<string>) => [...paths].reduce((n, path) => n + (outputs[path]?.bytes ?? 0), 0);
  return {
    name,
    shipped: sum(Object.keys(outputs)),
    coldStart: sum(loaded),
    importMs: check ? undefined : coldImport(join(root, main)),
    metafile: result.metafile,
    loaded,
  };
}

/**
 * Median of fresh processes importing the bundle, minus a process importing nothing. Streaming
 * handlers call the Lambda runtime's `awslambda` global at import, so a stand-in is provided.
 */
function coldImport(file: string, runs = 5) {
  const runtime = "globalThis.awslambda={streamifyResponse:(f)=>f,HttpResponseStream:{from:(s)=>s}};";
  const time = (target: string) => {
    const script = `${runtime}const t=performance.now();await import(${JSON.stringify(target)});console.log(performance.now()-t)`;
    const samples = Array.from({ length: runs }, () =>
      Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })),
    );
    return samples.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
  };
  const empty = join(out, "empty.mjs");
  writeFileSync(empty, "export {};\n");
  return Math.max(0, time(file) - time(empty));
}

function largestInputs(meta: Metafile, paths: (path: string) => boolean, count = 15) {
  const byPackage = new Map<string, number>();
  for (const [file, output] of Object.entries(meta.outputs)) {
    if (!paths(file)) continue;
    for (const [path, input] of Object.entries(output.inputs)) {
      const match = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
      const key = match?.[1] ?? path.replace(/\/[^/]+$/, "");
      byPackage.set(key, (byPackage.get(key) ?? 0) + input.bytesInOutput);
    }
  }
  return [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, count);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

try {
  const rows: Row[] = [];
  for (const [name, source] of Object.entries(baselines)) rows.push(await bundle(name, { source }));
  for (const [name, file] of Object.entries(handlers)) rows.push(await bundle(name, { file }));

  const m = machine();
  console.log(
    `bundles as SST builds them (esbuild ESM, minified, node22, code splitting) on ${m.cores}× ${m.cpu}, ${m.node}`,
  );
  console.log(
    "shipped = entry + every chunk; cold start = entry + chunks it imports statically (loaded before the first call); targets apply to cold start\n",
  );
  console.log(
    `${"function".padEnd(26)}${"shipped".padStart(10)}${"cold start".padStart(12)}${"cold import".padStart(14)}${"target".padStart(10)}`,
  );
  const over: string[] = [];
  for (const row of rows) {
    const target = targets[row.name];
    const importMs = row.importMs === undefined ? "–" : `${row.importMs.toFixed(0)} ms`;
    const mark = target && row.coldStart > target ? " OVER" : "";
    if (mark) over.push(row.name);
    console.log(
      `${row.name.padEnd(26)}${kb(row.shipped).padStart(10)}${kb(row.coldStart).padStart(12)}${importMs.padStart(14)}${(target ? kb(target) : "").padStart(10)}${mark}`,
    );
  }
  if (check && over.length) {
    console.error(
      `\n${over.join(", ")} ${over.length > 1 ? "are" : "is"} over the size target; npm run bench:bundles -- --inputs <name> shows what it carries.`,
    );
    process.exitCode = 1;
  }

  const inspect = process.argv.indexOf("--inputs");
  if (inspect >= 0) {
    const name = process.argv[inspect + 1];
    const row = rows.find((r) => r.name === name);
    if (!row) throw new Error(`--inputs takes one of: ${Object.keys(handlers).join(", ")}`);
    for (const [what, paths] of [
      ["loaded at cold start", (path: string) => row.loaded.has(path)],
      ["loaded on demand", (path: string) => !row.loaded.has(path)],
    ] as const) {
      console.log(`\nlargest inputs of ${name}, ${what}:`);
      for (const [input, bytes] of largestInputs(row.metafile, paths))
        console.log(`  ${kb(bytes).padStart(8)}  ${input}`);
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
