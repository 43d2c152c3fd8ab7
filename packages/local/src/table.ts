import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { table } from "@hangar/core/store/schema";

function keyAttributes(): AttributeDefinition[] {
  const names = new Set<string>([table.partitionKey, table.sortKey]);
  for (const index of Object.values(table.indexes)) {
    names.add(index.partitionKey);
    names.add(index.sortKey);
  }
  return [...names].map((AttributeName) => ({ AttributeName, AttributeType: "S" }));
}

function indexes(): GlobalSecondaryIndex[] {
  return Object.entries(table.indexes).map(([IndexName, index]) => ({
    IndexName,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: "HASH" },
      { AttributeName: index.sortKey, KeyType: "RANGE" },
    ],
    Projection: { ProjectionType: "ALL" },
  }));
}

/**
 * Creates the table from the shared schema, or brings an existing one up to it: indexes added
 * to the schema since the data dir was created are added, and TTL is enabled. Safe to repeat.
 */
export async function ensureTable(client: DynamoDBClient, name: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: keyAttributes(),
        KeySchema: [
          { AttributeName: table.partitionKey, KeyType: "HASH" },
          { AttributeName: table.sortKey, KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: indexes(),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    await addMissingIndexes(client, name);
  }
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== "ENABLED") {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { AttributeName: table.ttl, Enabled: true },
      }),
    );
  }
}

async function addMissingIndexes(client: DynamoDBClient, name: string) {
  const existing = new Set((await settled(client, name)).map((index) => index.IndexName));
  // DynamoDB builds one index at a time: each creation waits for the one before to be active.
  for (const index of indexes()) {
    if (existing.has(index.IndexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: keyAttributes(),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    await settled(client, name);
  }
}

/** The table's indexes once none is being built (a build can take a while on a table with data). */
async function settled(client: DynamoDBClient, name: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    const all = Table?.GlobalSecondaryIndexes ?? [];
    if (Table?.TableStatus === "ACTIVE" && all.every((index) => index.IndexStatus === "ACTIVE")) return all;
    if (Date.now() > deadline)
      throw new Error(`table ${name}: indexes still being built after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
