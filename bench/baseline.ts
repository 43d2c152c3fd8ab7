import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { CreateQueueCommand, DeleteQueueCommand, SendMessageCommand } from "@aws-sdk/client-sqs";
import { GetCommand, PutCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { Config } from "@hangar/core/config";
import { dynamo, sqsClient } from "@hangar/core/util/aws";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

/**
 * Bare Hono routes on the same adapter and the same AWS clients as the API, writing throwaway
 * keys to the same table and sending to a queue of their own, so the stack's worker never sees
 * these messages.
 *   /baseline: one PutItem and one SendMessage, the floor for a create.
 *   /same-calls: the AWS calls a create makes (GetItem for the key, a two-Put TransactWrite,
 *   SendMessage) without Hangar's code, to split the gap between AWS round trips and our own work.
 */
export async function startBaseline() {
  const table = Config.table();
  const queue = await sqsClient().send(new CreateQueueCommand({ QueueName: `${table}-bench-baseline` }));
  const queueUrl = queue.QueueUrl;
  if (!queueUrl) throw new Error("fauxqs returned no URL for the baseline queue");
  const keyRow = { pk: "BENCH#key", sk: "KEY", tenantId: "bench" };
  await dynamo().send(new PutCommand({ TableName: table, Item: keyRow }));
  const send = (id: string) =>
    sqsClient().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ id }) }));

  const app = new Hono();
  app.post("/baseline", async (c) => {
    const input = await c.req.json<Record<string, unknown>>();
    const id = `bench_${randomUUID()}`;
    await dynamo().send(
      new PutCommand({ TableName: table, Item: { pk: `BENCH#${id}`, sk: "BENCH", ...input } }),
    );
    await send(id);
    return c.json({ id, ...input }, 202);
  });
  app.post("/same-calls", async (c) => {
    const input = await c.req.json<Record<string, unknown>>();
    await dynamo().send(new GetCommand({ TableName: table, Key: { pk: keyRow.pk, sk: keyRow.sk } }));
    const id = `bench_${randomUUID()}`;
    const item = { pk: `BENCH#${id}`, ...input };
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: { ...item, sk: "BENCH" },
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          { Put: { TableName: table, Item: { ...item, sk: "EVT" } } },
        ],
      }),
    );
    await send(id);
    return c.json({ id, ...input }, 202);
  });

  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await sqsClient().send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
    },
  };
}
