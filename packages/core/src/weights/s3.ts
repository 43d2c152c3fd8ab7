import type { Readable } from "node:stream";
import { GetObjectCommand, paginateListObjectsV2, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { Config } from "../config";
import { isRetryableStatus, networkError, WeightsError } from "./errors";
import { ignored } from "./source";
import type { WeightsFile } from "./types";

type Prefix = { bucket: string; prefix: string };

let cached: { endpoint: string | undefined; client: S3Client } | undefined;

/** HANGAR_S3_ENDPOINT (fauxqs, MinIO) only speaks path-style URLs and takes any credentials. */
function s3(): S3Client {
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
  try {
    const pages = paginateListObjectsV2(
      { client: s3(), withCommand: (command) => command },
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
    throw s3Error(error, `listing s3://${at.bucket}/${at.prefix}`, signal);
  }
  return files;
}

export async function openS3(
  at: Prefix,
  path: string,
  signal?: AbortSignal,
): Promise<{ body: Readable; length?: number }> {
  const key = `${at.prefix}${path}`;
  try {
    const object = await s3().send(new GetObjectCommand({ Bucket: at.bucket, Key: key }), {
      abortSignal: signal,
    });
    return { body: object.Body as Readable, length: object.ContentLength };
  } catch (error) {
    throw s3Error(error, `downloading s3://${at.bucket}/${key}`, signal);
  }
}

function s3Error(error: unknown, what: string, signal?: AbortSignal): WeightsError {
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
