import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { SQSClient } from "@aws-sdk/client-sqs";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Config } from "../config";

let ddb: DynamoDBDocumentClient | undefined;
let sqs: SQSClient | undefined;
let events: EventBridgeClient | undefined;

/** Local stand-ins accept any credentials; on AWS the default chain is used. */
function localCredentials(endpoint: string | undefined) {
  return endpoint ? { accessKeyId: "local", secretAccessKey: "local" } : undefined;
}

export function dynamo(): DynamoDBDocumentClient {
  if (!ddb) {
    const endpoint = Config.dynamoEndpoint();
    ddb = DynamoDBDocumentClient.from(
      new DynamoDBClient({ region: Config.region(), endpoint, credentials: localCredentials(endpoint) }),
      { marshallOptions: { removeUndefinedValues: true } },
    );
  }
  return ddb;
}

export function sqsClient(): SQSClient {
  if (!sqs) {
    const endpoint = Config.sqsEndpoint();
    // fauxqs hands out queue URLs on a *.localhost host that may not resolve: always use the endpoint.
    sqs = new SQSClient({
      region: Config.region(),
      endpoint,
      credentials: localCredentials(endpoint),
      useQueueUrlAsEndpoint: endpoint ? false : undefined,
    });
  }
  return sqs;
}

/** Its SDK client is loaded on the first publish: most requests and cron runs never put an event. */
export async function eventBridge(): Promise<EventBridgeClient> {
  if (!events) {
    const { EventBridgeClient } = await import("@aws-sdk/client-eventbridge");
    const endpoint = Config.eventBridgeEndpoint();
    events ??= new EventBridgeClient({
      region: Config.region(),
      endpoint,
      credentials: localCredentials(endpoint),
    });
  }
  return events;
}
