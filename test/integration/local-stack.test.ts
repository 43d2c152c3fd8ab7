import { randomBytes } from "node:crypto";
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { queues } from "@hangar/core/queue/settings";
import { table } from "@hangar/core/store/schema";
import { type SqsHandler, startQueueConsumer } from "@hangar/local/consumer";
import { parseSchedule } from "@hangar/local/schedule-expression";
import { startScheduler } from "@hangar/local/scheduler";
import { ensureTable } from "@hangar/local/table";
import type { SQSRecord } from "aws-lambda";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stack } from "../support/stack";

const { env } = stack;
const region = env.AWS_REGION!;
const credentials = { accessKeyId: "local", secretAccessKey: "local" };
const ddb = new DynamoDBClient({ endpoint: env.HANGAR_DYNAMODB_ENDPOINT, region, credentials });
const sqs = new SQSClient({
  endpoint: env.HANGAR_SQS_ENDPOINT,
  region,
  credentials,
  useQueueUrlAsEndpoint: false,
});
const unique = (name: string) => `${name}-${randomBytes(4).toString("hex")}`;

describe("the local table", () => {
  it("has the schema's keys, its indexes projecting all attributes, and TTL on expiresAt", async () => {
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: env.HANGAR_TABLE }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: table.partitionKey, KeyType: "HASH" },
      { AttributeName: table.sortKey, KeyType: "RANGE" },
    ]);
    const indexes = Object.fromEntries(
      (Table?.GlobalSecondaryIndexes ?? []).map((index) => [index.IndexName, index]),
    );
    for (const [name, keys] of Object.entries(table.indexes)) {
      expect(indexes[name]?.KeySchema).toEqual([
        { AttributeName: keys.partitionKey, KeyType: "HASH" },
        { AttributeName: keys.sortKey, KeyType: "RANGE" },
      ]);
      expect(indexes[name]?.Projection?.ProjectionType).toBe("ALL");
    }
    const ttl = await ddb.send(new DescribeTimeToLiveCommand({ TableName: env.HANGAR_TABLE }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: "ENABLED",
      AttributeName: table.ttl,
    });
  });

  it("brings an older table up to the schema, and does nothing the second time", async () => {
    const name = unique("hangar-old");
    await ddb.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [
          { AttributeName: table.partitionKey, AttributeType: "S" },
          { AttributeName: table.sortKey, AttributeType: "S" },
        ],
        KeySchema: [
          { AttributeName: table.partitionKey, KeyType: "HASH" },
          { AttributeName: table.sortKey, KeyType: "RANGE" },
        ],
      }),
    );
    await ensureTable(ddb, name);
    await ensureTable(ddb, name);
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(
      Object.keys(table.indexes).sort(),
    );
    await ddb.send(new DeleteTableCommand({ TableName: name }));
  });
});

describe("the local queues", () => {
  it.each([
    ["jobs", env.HANGAR_JOBS_QUEUE_URL],
    ["webhooks", env.HANGAR_WEBHOOKS_QUEUE_URL],
  ] as const)(
    "%s has the settings' visibility timeout and a DLQ after maxReceiveCount",
    async (name, url) => {
      const { Attributes } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["All"] }),
      );
      expect(Attributes?.VisibilityTimeout).toBe(String(queues[name].visibilityTimeoutSeconds));
      const redrive = JSON.parse(Attributes?.RedrivePolicy ?? "{}");
      expect(Number(redrive.maxReceiveCount)).toBe(queues[name].maxReceiveCount);
      expect(redrive.deadLetterTargetArn).toMatch(
        new RegExp(`:${Attributes?.QueueArn?.split(":").pop()}-dlq$`),
      );
    },
  );
});

/** A queue with a 1 s visibility timeout and a DLQ after two receives, so retries are quick. */
async function testQueue() {
  const name = unique("test-consumer");
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const dlqArn = `arn:aws:sqs:${region}:000000000000:${name}-dlq`;
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: "1",
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 }),
      },
    }),
  );
  return { name, url: queue.QueueUrl!, dlqUrl: dlq.QueueUrl! };
}

async function send(url: string, body: string) {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: url,
      MessageBody: body,
      MessageAttributes: { kind: { DataType: "String", StringValue: "test" } },
    }),
  );
}

async function visible(url: string) {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible)
  );
}

describe("the local queue consumer", () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
  });
  const consume = (url: string, handler: SqsHandler) => {
    const consumer = startQueueConsumer({ client: sqs, queueUrl: url, region, handler, waitTimeSeconds: 1 });
    stops.push(consumer.stop);
    return consumer;
  };

  it("hands messages to the handler as a Lambda SQS event and deletes them", async () => {
    const queue = await testQueue();
    const seen: SQSRecord[] = [];
    consume(queue.url, async (event) => {
      seen.push(...event.Records);
      return { batchItemFailures: [] };
    });
    await send(queue.url, '{"n":1}');
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 5000 });
    expect(seen[0]).toMatchObject({
      body: '{"n":1}',
      eventSource: "aws:sqs",
      eventSourceARN: `arn:aws:sqs:${region}:000000000000:${queue.name}`,
      awsRegion: region,
      attributes: { ApproximateReceiveCount: "1" },
      messageAttributes: { kind: { dataType: "String", stringValue: "test" } },
    });
    expect(seen[0]?.md5OfBody).toMatch(/^[0-9a-f]{32}$/);
    expect(Number(seen[0]?.attributes.SentTimestamp)).toBeGreaterThan(0);
    await vi.waitFor(async () => expect(await visible(queue.url)).toBe(0), { timeout: 5000 });
  });

  it("retries only the records reported as failed, and moves them to the DLQ after maxReceiveCount", async () => {
    const queue = await testQueue();
    const receives: Record<string, string[]> = { ok: [], bad: [] };
    consume(queue.url, async (event) => {
      for (const record of event.Records)
        receives[record.body]?.push(record.attributes.ApproximateReceiveCount);
      const bad = event.Records.filter((record) => record.body === "bad");
      return { batchItemFailures: bad.map((record) => ({ itemIdentifier: record.messageId })) };
    });
    await send(queue.url, "ok");
    await send(queue.url, "bad");
    const dead = await vi.waitFor(
      async () => {
        const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.dlqUrl }));
        expect(Messages).toHaveLength(1);
        return Messages![0]!;
      },
      { timeout: 10_000, interval: 250 },
    );
    expect(dead.Body).toBe("bad");
    expect(receives).toEqual({ ok: ["1"], bad: ["1", "2"] });
    expect(await visible(queue.url)).toBe(0);
  });

  it("retries the whole batch when the handler throws", async () => {
    const queue = await testQueue();
    const counts: string[] = [];
    let calls = 0;
    consume(queue.url, async (event) => {
      counts.push(...event.Records.map((record) => record.attributes.ApproximateReceiveCount));
      if (++calls === 1) throw new Error("boom");
      return { batchItemFailures: [] };
    });
    await send(queue.url, "once");
    await vi.waitFor(() => expect(counts).toEqual(["1", "2"]), { timeout: 5000 });
    await vi.waitFor(async () => expect(await visible(queue.url)).toBe(0), { timeout: 5000 });
  });

  it("finishes and acknowledges the batch in flight when stopped", async () => {
    const queue = await testQueue();
    let started!: () => void;
    const running = new Promise<void>((done) => {
      started = done;
    });
    let finish!: () => void;
    const consumer = startQueueConsumer({
      client: sqs,
      queueUrl: queue.url,
      region,
      waitTimeSeconds: 20,
      handler: async () => {
        started();
        await new Promise<void>((done) => {
          finish = done;
        });
        return { batchItemFailures: [] };
      },
    });
    await send(queue.url, "slow");
    await running;
    let stopped = false;
    const stopping = consumer.stop().then(() => {
      stopped = true;
    });
    await new Promise((done) => setTimeout(done, 100));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(await visible(queue.url)).toBe(0);
  });
});

describe("the local scheduler", () => {
  it("fires a rate expression, sped up, without overlapping a run with itself", async () => {
    let runs = 0;
    let active = 0;
    let most = 0;
    const scheduler = startScheduler(
      [
        {
          name: "test",
          expression: "rate(1 minute)",
          handler: async () => {
            runs++;
            most = Math.max(most, ++active);
            await new Promise((done) => setTimeout(done, 120));
            active--;
          },
        },
      ],
      { speedUp: 1200 },
    );
    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(3), { timeout: 3000 });
    await scheduler.stop();
    expect(active).toBe(0);
    expect(most).toBe(1);
  });

  it("reads EventBridge rate and cron expressions, in UTC", () => {
    const from = Date.parse("2025-01-01T12:07:00Z"); // a Wednesday
    const next = (expression: string) => new Date(parseSchedule(expression)(from)).toISOString();
    expect(next("rate(1 minute)")).toBe("2025-01-01T12:08:00.000Z");
    expect(next("rate(2 hours)")).toBe("2025-01-01T14:07:00.000Z");
    expect(next("rate(1 day)")).toBe("2025-01-02T12:07:00.000Z");
    expect(next("cron(0/15 * * * ? *)")).toBe("2025-01-01T12:15:00.000Z");
    // EventBridge counts weekdays from 1 = Sunday, so 2 is Monday.
    expect(next("cron(0 9 ? * 2 *)")).toBe("2025-01-06T09:00:00.000Z");
    expect(next("cron(30 8 ? * MON-FRI *)")).toBe("2025-01-02T08:30:00.000Z");
    expect(next("cron(0 0 1 1 ? 2030)")).toBe("2030-01-01T00:00:00.000Z");
    expect(() => parseSchedule("rate(5 seconds)")).toThrow(/Unsupported/);
    expect(() => parseSchedule("cron(0 12 * * ?)")).toThrow(/6 fields/);
  });
});

describe("the local API", () => {
  it("accepts the local API key and refuses a request without one", async () => {
    const url = `${stack.apiUrl}/v1/hardware?provider=together`;
    expect((await fetch(url)).status).toBe(401);
    const response = await fetch(url, { headers: { authorization: `Bearer ${stack.apiKey}` } });
    expect(response.status).toBe(200);
  });
});
