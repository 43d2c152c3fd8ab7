import { randomBytes } from "node:crypto";
import { startDynamo } from "@hangar/local/dynamo";
import { freePort } from "@hangar/local/ports";
import { startSqs } from "@hangar/local/sqs";

const REGION = "us-east-1";

/**
 * DynamoDB Local and fauxqs alone, without the stack's scheduler (it would sweep the same rows
 * on its own timer) or queue consumers (they would act on the steps the sweep enqueues), so
 * every request counted is the sweep's. Sets the env core reads its clients from.
 */
export async function startStores() {
  const table = `hangar-sweep-${randomBytes(4).toString("hex")}`;
  const dynamo = await onFreePort((port) => startDynamo({ port, table, region: REGION }));
  const sqs = await startSqs({ port: 0, region: REGION, prefix: table }).catch(async (error: unknown) => {
    await dynamo.stop();
    throw error;
  });
  Object.assign(process.env, {
    HANGAR_TABLE: table,
    HANGAR_DYNAMODB_ENDPOINT: dynamo.endpoint,
    HANGAR_SQS_ENDPOINT: sqs.endpoint,
    HANGAR_JOBS_QUEUE_URL: sqs.queues.jobs.url,
    HANGAR_WEBHOOKS_QUEUE_URL: sqs.queues.webhooks.url,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
  });
  return {
    table,
    stop: async () => {
      await sqs.stop();
      await dynamo.stop();
    },
  };
}

/** Another process may take a free port before Java binds it: a few fresh ones are tried. */
async function onFreePort<T>(start: (port: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort());
    } catch (error) {
      if (attempt >= 3 || (error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    }
  }
}
