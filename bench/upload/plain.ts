import type { Readable } from "node:stream";
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { Agent, request } from "undici";

const agent = new Agent({ headersTimeout: 60_000, bodyTimeout: 60_000 });

/**
 * The baseline: the same source stream handed straight to the same kind of undici PUT, with no
 * counting, hashing, checks or progress. What the mover adds is the difference.
 */
export async function plainPut(body: Readable, url: string, size: number): Promise<void> {
  const response = await request(url, {
    method: "PUT",
    headers: {
      "content-type": "application/octet-stream",
      "x-goog-content-length-range": `${size},${size}`,
      "content-length": String(size),
    },
    body,
    dispatcher: agent,
  });
  await response.body.dump();
  if (response.statusCode !== 200) throw new Error(`sink answered ${response.statusCode}`);
}

export async function plainS3(s3: S3Client, bucket: string, key: string, url: string, size: number) {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  await plainPut(object.Body as Readable, url, size);
}

/** The Hub's resolve answers a 302 to its CDN; one hop, then the bytes. */
export async function plainHub(resolveUrl: string, url: string, size: number) {
  const redirect = await request(resolveUrl, { dispatcher: agent });
  await redirect.body.dump();
  const location = redirect.headers.location;
  if (typeof location !== "string") throw new Error(`expected a redirect, got ${redirect.statusCode}`);
  const response = await request(new URL(location, resolveUrl), { dispatcher: agent });
  await plainPut(response.body, url, size);
}
