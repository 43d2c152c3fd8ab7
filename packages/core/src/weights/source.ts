import { WeightsError } from "./errors";

export type WeightsSource =
  | { kind: "huggingface"; repo: string; revision: string }
  | { kind: "s3"; bucket: string; prefix: string };

const REPO = /^[\w.-]+\/[\w.-]+$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * `hf://org/repo` or `hf://org/repo@revision` (a branch, tag, commit or `refs/pr/1`; default `main`),
 * and `s3://bucket/prefix`. An S3 prefix is a folder: it always ends in `/` (or is empty for the
 * whole bucket), so `s3://b/models/qwen` never also picks up `models/qwen-old/…`.
 */
export function parseWeightsSource(source: string): WeightsSource {
  const trimmed = source.trim();
  if (trimmed.startsWith("hf://")) {
    const rest = trimmed.slice(5);
    const at = rest.indexOf("@");
    const repo = (at < 0 ? rest : rest.slice(0, at)).replace(/\/+$/, "");
    const revision = at < 0 ? "main" : rest.slice(at + 1);
    if (REPO.test(repo) && revision && !revision.startsWith("/") && !revision.includes(".."))
      return { kind: "huggingface", repo, revision };
  } else if (trimmed.startsWith("s3://")) {
    const rest = trimmed.slice(5);
    const slash = rest.indexOf("/");
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const path = slash < 0 ? "" : rest.slice(slash + 1).replace(/^\/+/, "");
    if (BUCKET.test(bucket))
      return { kind: "s3", bucket, prefix: path && !path.endsWith("/") ? `${path}/` : path };
  }
  throw new WeightsError(
    "weights.invalid_source",
    `Cannot read weights from ${JSON.stringify(trimmed)}: use hf://org/repo[@revision] or s3://bucket/prefix/`,
    { retryable: false },
  );
}

/** Hub URL paths keep `/` between a file's folders but encode everything else; a revision is one segment. */
export function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/** Files the mover never sends: git's own metadata (Hub repos carry a `.gitattributes`). */
export function ignored(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return name === ".gitattributes" || path.endsWith("/") || path.length === 0;
}
