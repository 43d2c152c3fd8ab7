import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { type QueueName, queues } from "@hangar/core/queue/settings";
import { startFauxqs } from "fauxqs";

export interface LocalQueue {
  name: string;
  url: string;
  arn: string;
  dlqName: string;
  dlqUrl: string;
}

export interface LocalSqs {
  /** SQS endpoint; queue URLs use a `*.localhost` host, so clients need this and `useQueueUrlAsEndpoint: false`. */
  endpoint: string;
  /** fauxqs also speaks S3 on the same port (path-style: `forcePathStyle: true`). */
  s3Endpoint: string;
  queues: Record<QueueName, LocalQueue>;
  stop(): Promise<void>;
}

export interface SqsOptions {
  port: number;
  region: string;
  /** Queue names are `<prefix>-<queue>` and `<prefix>-<queue>-dlq`. */
  prefix?: string;
  /** SQLite persistence for queues, messages and S3 objects; in memory when unset. */
  dataDir?: string;
}

/** Starts fauxqs and creates each queue with its DLQ, redrive policy and visibility timeout. */
export async function startSqs(options: SqsOptions): Promise<LocalSqs> {
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const server = await startFauxqs({
    port: options.port,
    logger: false,
    defaultRegion: options.region,
    dataDir,
  });
  const endpoint = `http://127.0.0.1:${server.port}`;
  const client = new SQSClient({
    endpoint,
    region: options.region,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    useQueueUrlAsEndpoint: false,
  });
  try {
    const prefix = options.prefix ?? "hangar";
    const created = {} as Record<QueueName, LocalQueue>;
    for (const name of Object.keys(queues) as QueueName[]) {
      created[name] = await createQueue(client, `${prefix}-${name}`, queues[name]);
    }
    return { endpoint, s3Endpoint: endpoint, queues: created, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  } finally {
    client.destroy();
  }
}

async function createQueue(
  client: SQSClient,
  name: string,
  settings: { visibilityTimeoutSeconds: number; maxReceiveCount: number },
): Promise<LocalQueue> {
  const dlqName = `${name}-dlq`;
  const dlq = await client.send(
    new CreateQueueCommand({ QueueName: dlqName, Attributes: { MessageRetentionPeriod: "1209600" } }),
  );
  const dlqArn = await queueArn(client, dlq.QueueUrl!);
  const queue = await client.send(new CreateQueueCommand({ QueueName: name }));
  // Set rather than passed to CreateQueue, so a persisted queue picks up changed settings.
  await client.send(
    new SetQueueAttributesCommand({
      QueueUrl: queue.QueueUrl!,
      Attributes: {
        VisibilityTimeout: String(settings.visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlqArn,
          maxReceiveCount: settings.maxReceiveCount,
        }),
      },
    }),
  );
  return {
    name,
    url: queue.QueueUrl!,
    arn: await queueArn(client, queue.QueueUrl!),
    dlqName,
    dlqUrl: dlq.QueueUrl!,
  };
}

async function queueArn(client: SQSClient, url: string): Promise<string> {
  const result = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] }),
  );
  const arn = result.Attributes?.QueueArn;
  if (!arn) throw new Error(`fauxqs returned no ARN for ${url}`);
  return arn;
}
