import type { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import { Config } from "../config";
import { isRetryableStatus, networkError, WeightsError } from "./errors";
import { ignored } from "./source";
import type { WeightsFile } from "./types";

type Prefix = { bucket: string; prefix: string };

/** The S3 client (~150 KB bundled) is loaded on the first S3 source read, not when a function starts. */
const sdk = () => import("@aws-sdk/client-s3");

let cached: { endpoint: string | undefined; client: S3Client } | undefined;

/** HANGAR_S3_ENDPOINT (fauxqs, MinIO) only speaks path-style URLs and takes any credentials. */
function s3({ S3Client }: Awaited<ReturnType<typeof sdk>>): S3Client {
  const endpoint = Config.s3Endpoint();
  if (!cached || cached.endpoint !== endpoint) {
    cached?.client.destroy();
    const client = new S3Client({
      region: Config.region(),
      ...(endpoint
        ? { endpoint, forcePathStyle: true, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
        : {}),
    });
    cached = { endpoint, client };
  }
  return cached.client;
}

export async function listS3(at: Prefix, signal?: AbortSignal): Promise<WeightsFile[]> {
  const files: WeightsFile[] = [];
  const aws = await sdk();
  try {
    const pages = aws.paginateListObjectsV2(
      { client: s3(aws), withCommand: (command) => command },
      { Bucket: at.bucket, Prefix: at.prefix },
    );
    for await (const page of pages) {
      if (signal?.aborted) throw signal.reason;
      for (const object of page.Contents ?? []) {
        const path = object.Key?.slice(at.prefix.length) ?? "";
        if (!ignored(path)) files.push({ path, size: object.Size ?? 0 });
      }
    }
  } catch (error) {
    throw s3Error(aws, error, `listing s3://${at.bucket}/${at.prefix}`, signal);
  }
  return files;
}

export async function openS3(
  at: Prefix,
  path: string,
  signal?: AbortSignal,
): Promise<{ body: Readable; length?: number }> {
  const key = `${at.prefix}${path}`;
  const aws = await sdk();
  try {
    const object = await s3(aws).send(new aws.GetObjectCommand({ Bucket: at.bucket, Key: key }), {
      abortSignal: signal,
    });
    return { body: object.Body as Readable, length: object.ContentLength };
  } catch (error) {
    throw s3Error(aws, error, `downloading s3://${at.bucket}/${key}`, signal);
  }
}

function s3Error(
  { S3ServiceException }: Awaited<ReturnType<typeof sdk>>,
  error: unknown,
  what: string,
  signal?: AbortSignal,
): WeightsError {
  if (!(error instanceof S3ServiceException)) return networkError(what, error, signal);
  const status = error.$metadata.httpStatusCode;
  if (error.name === "NoSuchBucket" || error.name === "NoSuchKey" || status === 404)
    return new WeightsError("weights.not_found", `${what}: ${error.name}`, { retryable: false, status });
  if (status === 401 || status === 403)
    return new WeightsError("weights.unauthorized", `${what}: ${error.name} (check the worker's S3 access)`, {
      retryable: false,
      status,
    });
  const retryable = status === undefined || isRetryableStatus(status);
  return new WeightsError("weights.unavailable", `${what}: ${error.name}`, {
    retryable,
    status,
    cause: error,
  });
}
