import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { ModelSpec } from "../../src/provider";

export type ModelSource =
  | { kind: "name"; model: string }
  | { kind: "huggingface"; repo: string }
  | { kind: "url"; url: string }
  | { kind: "s3"; bucket: string; key: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** `hf://org/repo`, `s3://bucket/key`, `http(s)://…`, or (no scheme) a model Together already serves. */
export function parseSource(spec: Pick<ModelSpec, "source">): ModelSource {
  const source = spec.source.trim();
  const scheme = SCHEME.exec(source)?.[1]?.toLowerCase();
  if (!scheme) return { kind: "name", model: source };
  const rest = source.slice(scheme.length + 3);
  if (scheme === "hf") return { kind: "huggingface", repo: rest.replace(/\/+$/, "") };
  if (scheme === "https" || scheme === "http") return { kind: "url", url: source };
  if (scheme === "s3") {
    const slash = rest.indexOf("/");
    if (slash > 0 && slash < rest.length - 1)
      return { kind: "s3", bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
  }
  throw new Error(`Unsupported model source: ${source}`);
}

/** Together fetches the archive some time after the upload starts and wants the URL valid ≥ 100 minutes. */
export const PRESIGN_SECONDS = 3 * 60 * 60;

export type Presign = (bucket: string, key: string) => Promise<string>;

let s3: S3Client | undefined;

/** Local stacks set HANGAR_S3_ENDPOINT (MinIO and the like), which only speak path-style URLs. */
export const presignS3: Presign = (bucket, key) => {
  const endpoint = process.env.HANGAR_S3_ENDPOINT;
  s3 ??= new S3Client({
    region: process.env.AWS_REGION ?? "us-east-1",
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
  });
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: PRESIGN_SECONDS });
};
