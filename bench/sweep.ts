import { requeueOverdue } from "@hangar/core/deployment/overdue";
import type { Row } from "@hangar/core/deployment/row";
import { sweepPolicies } from "@hangar/core/deployment/sweep";
import { dynamo, sqsClient } from "@hangar/core/util/aws";
import { machine } from "./machine";
import { type Due, putRows, readyRow } from "./sweep/fleet";
import { countSends, meter } from "./sweep/meter";
import { type Measured, type Round, type SizeResult, sweepTable } from "./sweep/report";
import { naiveDue } from "./sweep/scan";
import { startStores } from "./sweep/stores";

/**
 * `npm run bench:sweep`: the policy sweep and the poller's requeue at growing fleet sizes with
 * the same work due (100 idle past their timeout, 100 checks overdue), against a full Scan
 * finding the same rows. The fleet grows in place: each size is measured, then topped up to the
 * next with rows that are not due. BENCH_SWEEP_SIZES (e.g. 1000,100000) and BENCH_SWEEP_ROUNDS.
 */
const SIZES = (process.env.BENCH_SWEEP_SIZES ?? "1000,10000,100000").split(",").map(Number);
const DUE = 100;
const ROUNDS = Number(process.env.BENCH_SWEEP_ROUNDS ?? 3);
const WARM_UP_ROUNDS = 3;
const PARALLEL = 8;
/**
 * DynamoDB Local's full Scan is quadratic (see sweep/scan.ts): about 140 s at 100k rows on two
 * cores. Past this size it runs once per size, with one filter; both filters read every item.
 */
const SCAN_EVERY_ROUND_UP_TO = 10_000;
const LIMIT_MS = 8 * 60_000;

const say = (line: string) => console.log(line);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const began = Date.now();
  const host = machine();
  say(`bench:sweep: ${host.cores} cores (${host.cpu}), ${host.memoryGb} GB, node ${host.node}`);
  process.env.HANGAR_LOG_LEVEL = "warn";
  const stores = await startStores();
  say(`DynamoDB Local and fauxqs up in ${secs(Date.now() - began)}, table ${stores.table}`);
  const ddb = meter(dynamo());
  const sqs = countSends(sqsClient());
  const measure = async (run: () => Promise<Record<string, number>>): Promise<Measured> => {
    ddb.take();
    sqs.take();
    const started = performance.now();
    const result = await run();
    return { ms: performance.now() - started, dynamo: ddb.take(), sqs: sqs.take(), result };
  };

  const results: SizeResult[] = [];
  const policyDue = Array.from({ length: DUE }, (_, i) => readyRow("policy", i));
  let count = DUE;
  try {
    for (const size of SIZES) {
      const rows: Row[] = [];
      const add = (due: Due, n: number) => {
        for (let i = 0; i < n; i++) rows.push(readyRow(due, count++));
      };
      if (results.length === 0) add("check", DUE);
      add("none", size - count);
      const loadStarted = Date.now();
      let shown = 0;
      await putRows(rows, PARALLEL, (written) => {
        if (written - shown < 10_000 && written < rows.length) return;
        shown = written;
        const rate = written / ((Date.now() - loadStarted) / 1000);
        say(`  loading: ${written}/${rows.length} rows, ${rate.toFixed(0)} rows/s`);
      });
      const loadMs = Date.now() - loadStarted;
      say(`${size.toLocaleString("en")} deployments: ${rows.length} rows written in ${secs(loadMs)}`);

      const rounds: Round[] = [];
      // Rounds up to 0 warm the JVM and the code paths up at the first size and are not counted.
      for (let round = results.length === 0 ? 1 - WARM_UP_ROUNDS : 1; round <= ROUNDS; round++) {
        // The sweep stops the due rows: each round starts with them ready again, same ids.
        await putRows(
          policyDue.map((r, i) => readyRow("policy", i, new Date(), r.id)),
          PARALLEL,
          () => {},
        );
        const now = new Date();
        const every = size <= SCAN_EVERY_ROUND_UP_TO;
        const scanPolicy =
          every || round === 1 ? await measure(() => naiveDue("POLICY", now.toISOString())) : undefined;
        const overdue = new Date(now.getTime() - 30_000).toISOString();
        const scanChecks = every ? await measure(() => naiveDue("CHECK", overdue)) : undefined;
        const sweep = await measure(() => sweepPolicies(now));
        const requeue = await measure(() => requeueOverdue(now.getTime()));
        const scans = [
          scanPolicy ? `, Scan (policy) ${scanPolicy.ms.toFixed(0)} ms` : "",
          scanChecks ? `, Scan (checks) ${scanChecks.ms.toFixed(0)} ms` : "",
        ].join("");
        say(
          `  ${size} ${round <= 0 ? "warm-up" : `round ${round}`}: sweep ${sweep.ms.toFixed(0)} ms ` +
            `${JSON.stringify(sweep.result)}, requeue ${requeue.ms.toFixed(0)} ms ${JSON.stringify(requeue.result)}${scans}`,
        );
        if (round > 0) rounds.push({ sweep, requeue, scanPolicy, scanChecks });
      }
      results.push({ size, rounds, loadMs });
    }
  } finally {
    await stores.stop();
  }
  say(sweepTable(results, DUE));
  let total = 0;
  for (const r of results) {
    total += r.loadMs;
    say(
      `loading up to ${r.size.toLocaleString("en")}: ${secs(r.loadMs)} (all loading so far ${secs(total)})`,
    );
  }
  say(`total ${secs(Date.now() - began)}`);
}

const watchdog = setTimeout(() => {
  console.error(`bench:sweep: no result after ${LIMIT_MS / 60_000} minutes; giving up`);
  process.exit(1);
}, LIMIT_MS);
watchdog.unref();

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      `bench:sweep failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
