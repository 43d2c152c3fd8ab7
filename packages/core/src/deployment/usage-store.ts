import { BatchWriteCommand, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { ProviderName, UsageSample } from "../provider";
import { isConditionFailure, queryAll, tableName } from "../store";
import { dynamo } from "../util/aws";
import { activityAccountKey, USAGE_PREFIX, usageKey } from "./keys";

/** Samples are kept a little over the longest metrics window (7 days). */
const SAMPLE_TTL_SECONDS = 8 * 24 * 60 * 60;

/** One provider account's reads: the last minute claimed, the last good read, and an outage if any. */
export type AccountActivity = {
  claimedFor?: string;
  okAt?: string;
  failingSince?: string;
  error?: { code: string; message: string; at: string };
};

export type StoredSample = Omit<UsageSample, "endpointId"> & { at: string };

export const minuteOf = (at: string) => `${at.slice(0, 16)}:00.000Z`;

/**
 * Claims the account's read for one minute: only the first claim of a minute (or of a later one)
 * wins, so however many jobs, crons or retries ask, the provider is read at most once a minute.
 */
export async function claimMinute(provider: ProviderName, account: string, minute: string) {
  try {
    const out = await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: activityAccountKey(provider, account),
        UpdateExpression: "SET claimedFor = :minute",
        ConditionExpression: "attribute_not_exists(claimedFor) OR claimedFor < :minute",
        ExpressionAttributeValues: { ":minute": minute },
        ReturnValues: "ALL_OLD",
      }),
    );
    return { claimed: true as const, before: (out.Attributes ?? {}) as AccountActivity };
  } catch (error) {
    if (isConditionFailure(error)) return { claimed: false as const };
    throw error;
  }
}

export async function readSucceeded(provider: ProviderName, account: string, at: string) {
  await dynamo()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: activityAccountKey(provider, account),
        UpdateExpression: "SET okAt = :at REMOVE failingSince, #error",
        ConditionExpression: "attribute_not_exists(okAt) OR okAt < :at",
        ExpressionAttributeNames: { "#error": "error" },
        ExpressionAttributeValues: { ":at": at },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
}

/** An outage starts at its first failed read; later failures only update the error. */
export async function readFailed(provider: ProviderName, account: string, error: AccountActivity["error"]) {
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: activityAccountKey(provider, account),
      UpdateExpression: "SET failingSince = if_not_exists(failingSince, :at), #error = :error",
      ExpressionAttributeNames: { "#error": "error" },
      ExpressionAttributeValues: { ":at": error?.at, ":error": error },
    }),
  );
}

export async function accountActivity(provider: ProviderName, account: string) {
  const out = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: activityAccountKey(provider, account) }),
  );
  return out.Item as AccountActivity | undefined;
}

export async function putSamples(samples: { deploymentId: string; sample: StoredSample }[]) {
  for (let i = 0; i < samples.length; i += 25) {
    const items = samples.slice(i, i + 25).map(({ deploymentId, sample }) => ({
      PutRequest: {
        Item: {
          ...usageKey(deploymentId, minuteOf(sample.at)),
          type: "usage",
          ...sample,
          expiresAt: Math.floor(Date.parse(sample.at) / 1000) + SAMPLE_TTL_SECONDS,
        },
      },
    }));
    let pending: typeof items | undefined = items;
    for (let attempt = 0; pending?.length && attempt < 5; attempt++) {
      const out = await dynamo().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending } }));
      pending = out.UnprocessedItems?.[tableName()] as typeof items | undefined;
    }
    if (pending?.length) throw new Error(`${pending.length} usage samples were not written`);
  }
}

/** A deployment's samples covering [from, to) (stamped in (from, to]), oldest first. */
export async function samples(deploymentId: string, from: string, to: string): Promise<StoredSample[]> {
  const rows = await queryAll<StoredSample & Record<string, unknown>>({
    TableName: tableName(),
    KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
    ExpressionAttributeValues: {
      ":pk": usageKey(deploymentId, "").pk,
      ":from": `${USAGE_PREFIX}${from}`,
      ":to": `${USAGE_PREFIX}${to}`,
    },
  });
  return (
    rows
      // A sample stamped T covers the minute before T: those stamped in (from, to] fall in [from, to).
      .filter((r) => r.at > from && r.at <= to)
      .map(({ at, requests, errors, inputTokens, outputTokens, latencyMs, replicas }) => ({
        at,
        requests,
        errors,
        inputTokens,
        outputTokens,
        latencyMs,
        replicas,
      }))
  );
}
