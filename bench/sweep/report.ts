import { table } from "../stats";
import type { Tally } from "./meter";

export type Measured = {
  ms: number;
  dynamo: Map<string, Tally>;
  sqs: Map<string, { requests: number; ms: number }>;
  result: Record<string, number>;
};
export type Round = { sweep: Measured; requeue: Measured; scanPolicy?: Measured; scanChecks?: Measured };
export type SizeResult = { size: number; rounds: Round[]; loadMs: number };
type Op = keyof Round;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** One row per figure, one column per fleet size: the median, then every round in brackets. */
export function sweepTable(results: SizeResult[], due: number) {
  const col = (pick: (round: Round) => number | undefined, digits = 0) =>
    results.map((r) => {
      const values = r.rounds.map(pick).filter((v): v is number => v !== undefined);
      if (values.length === 0) return "–";
      const m = median(values).toFixed(digits);
      return values.length > 1 ? `${m} (${values.map((v) => v.toFixed(digits)).join(" / ")})` : m;
    });
  const wall = (op: Op) => col((r) => r[op]?.ms);
  const ddb = (op: Op, command: string, field: keyof Tally, digits = 0) =>
    col((r) => (r[op] ? (r[op].dynamo.get(command)?.[field] ?? 0) : undefined), digits);
  const sqs = (op: Op, command: string, field: "requests" | "ms") =>
    col((r) => (r[op] ? (r[op].sqs.get(command)?.[field] ?? 0) : undefined));
  const page = (op: Op, which: "firstPageMs" | "lastPageMs") => col((r) => r[op]?.result[which]);
  const section = (title: string) => [title, ...results.map(() => "")];
  const scan = (op: Op, title: string) => [
    section(title),
    ["  wall ms", ...wall(op)],
    ["  Scan requests (pages)", ...ddb(op, "ScanCommand", "requests")],
    ["  items read (ScannedCount)", ...ddb(op, "ScanCommand", "scanned")],
    ["  items due (Count)", ...ddb(op, "ScanCommand", "items")],
    ["  Scan RCU", ...ddb(op, "ScanCommand", "capacity", 1)],
    ["  first page ms", ...page(op, "firstPageMs")],
    ["  last page ms", ...page(op, "lastPageMs")],
  ];

  const rows = [
    section("sweepPolicies (Query duePolicy)"),
    ["  wall ms", ...wall("sweep")],
    ["  Query requests", ...ddb("sweep", "QueryCommand", "requests")],
    ["  Query items read", ...ddb("sweep", "QueryCommand", "scanned")],
    ["  Query RCU", ...ddb("sweep", "QueryCommand", "capacity", 1)],
    ["  Query ms", ...ddb("sweep", "QueryCommand", "ms")],
    ["  GetItem (load) requests", ...ddb("sweep", "GetItemCommand", "requests")],
    ["  GetItem RCU", ...ddb("sweep", "GetItemCommand", "capacity", 1)],
    ["  GetItem ms", ...ddb("sweep", "GetItemCommand", "ms")],
    ["  TransactWriteItems (commit)", ...ddb("sweep", "TransactWriteItemsCommand", "requests")],
    ["  TransactWrite WCU", ...ddb("sweep", "TransactWriteItemsCommand", "capacity", 1)],
    ["  TransactWrite ms", ...ddb("sweep", "TransactWriteItemsCommand", "ms")],
    ["  SQS SendMessage (step)", ...sqs("sweep", "SendMessageCommand", "requests")],
    ["  SQS SendMessage ms", ...sqs("sweep", "SendMessageCommand", "ms")],
    ...scan("scanPolicy", "baseline: Scan filtered like duePolicy"),
    section("requeueOverdue (Query dueChecks)"),
    ["  wall ms", ...wall("requeue")],
    ["  Query requests", ...ddb("requeue", "QueryCommand", "requests")],
    ["  Query items read", ...ddb("requeue", "QueryCommand", "scanned")],
    ["  Query RCU", ...ddb("requeue", "QueryCommand", "capacity", 1)],
    ["  Query ms", ...ddb("requeue", "QueryCommand", "ms")],
    ["  SQS SendMessageBatch", ...sqs("requeue", "SendMessageBatchCommand", "requests")],
    ...scan("scanChecks", "baseline: Scan filtered like dueChecks"),
  ];
  const head = ["", ...results.map((r) => `${r.size.toLocaleString("en")} deployments`)];
  const rounds = Math.max(...results.map((r) => r.rounds.length));
  return table(
    `Sweep cost by fleet size, ${due} due at every size (median of ${rounds}, each round)`,
    head,
    rows,
  );
}
