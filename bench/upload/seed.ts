import { createHash } from "node:crypto";
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  type S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { HubFile } from "@hangar/simulators/huggingface/files";
import { MiB } from "./measure";

/** fauxqs takes bodies up to 11 MiB, so a big object goes up in 8 MiB parts. */
const PART = 8 * MiB;

/**
 * Puts a generated file into S3 one part at a time: the bytes come from the Hub simulator's seeded
 * generator, so at most one part is in memory. Answers the object's sha256.
 */
export async function seedObject(s3: S3Client, bucket: string, key: string, size: number): Promise<string> {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
  const hash = createHash("sha256");
  const parts: { ETag?: string; PartNumber: number }[] = [];
  const file = new HubFile(key, { size, seed: 7 });
  for (let start = 0, number = 1; start < size; start += PART, number++) {
    const body = Buffer.concat([...file.read(start, Math.min(size, start + PART))]);
    hash.update(body);
    const { ETag } = await s3.send(
      new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: number, Body: body }),
    );
    parts.push({ ETag, PartNumber: number });
  }
  await s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: bucket,
      Key: key,
      UploadId,
      MultipartUpload: { Parts: parts },
    }),
  );
  return hash.digest("hex");
}
