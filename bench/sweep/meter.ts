import type { SQSClient } from "@aws-sdk/client-sqs";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * Every command here takes ReturnConsumedCapacity; DynamoDB Local answers it without a code
 * change. The names are the low-level client's: the document client's GetCommand is GetItemCommand.
 */
const CAPACITY = new Set([
  "GetItemCommand",
  "QueryCommand",
  "ScanCommand",
  "UpdateItemCommand",
  "PutItemCommand",
  "TransactWriteItemsCommand",
  "BatchWriteItemCommand",
]);

export type Tally = { requests: number; items: number; scanned: number; capacity: number; ms: number };

type Output = {
  Count?: number;
  ScannedCount?: number;
  Items?: unknown[];
  Item?: unknown;
  ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[];
};

/**
 * Counts what a client sends, by command: requests, items returned (Query/Scan `Count`, a Get's
 * one item), items evaluated (`ScannedCount`: what a Scan or Query reads before its filter),
 * capacity units and time in the request. A middleware on the client core already uses.
 */
export function meter(client: DynamoDBDocumentClient) {
  let tallies = new Map<string, Tally>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? "unknown";
      const input = CAPACITY.has(name)
        ? { ...(args.input as object), ReturnConsumedCapacity: "TOTAL" }
        : args.input;
      const started = performance.now();
      const result = await next({ ...args, input });
      const out = result.output as Output;
      const t = tallies.get(name) ?? { requests: 0, items: 0, scanned: 0, capacity: 0, ms: 0 };
      t.requests++;
      t.ms += performance.now() - started;
      const items = out.Count ?? out.Items?.length ?? (out.Item ? 1 : 0);
      t.items += items;
      t.scanned += out.ScannedCount ?? items;
      const consumed = [out.ConsumedCapacity ?? []].flat();
      t.capacity += consumed.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      tallies.set(name, t);
      return result;
    },
    { step: "initialize", name: "benchMeter" },
  );
  return {
    /** What was counted since the last take, and a fresh start. */
    take(): Map<string, Tally> {
      const taken = tallies;
      tallies = new Map();
      return taken;
    },
  };
}

/** Counts SQS sends too, with the time spent in them: the sweep's other cost. */
export function countSends(client: SQSClient) {
  let tallies = new Map<string, { requests: number; ms: number }>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        const name = context.commandName ?? "unknown";
        const t = tallies.get(name) ?? { requests: 0, ms: 0 };
        t.requests++;
        t.ms += performance.now() - started;
        tallies.set(name, t);
      }
    },
    { step: "initialize", name: "benchSendCount" },
  );
  return {
    take() {
      const taken = tallies;
      tallies = new Map();
      return taken;
    },
  };
}
