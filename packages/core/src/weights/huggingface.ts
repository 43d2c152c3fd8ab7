import type { Readable } from "node:stream";
import type { Dispatcher } from "undici";
import { z } from "zod";
import { collectPages } from "../util/paginate";
import { isRetryableStatus, WeightsError } from "./errors";
import { follow, readSome } from "./http";
import { nextLink } from "./link";
import { encodePath, ignored } from "./source";
import type { WeightsFile } from "./types";

type Hub = { repo: string; revision: string };

/** The variable huggingface_hub itself reads, so mirrors and the local simulator work unchanged. */
export function hubEndpoint(): string {
  return (process.env.HF_ENDPOINT || "https://huggingface.co").replace(/\/+$/, "");
}

const Entry = z.object({
  type: z.string(),
  path: z.string(),
  size: z.number().int().nonnegative(),
  lfs: z.object({ oid: z.string(), size: z.number() }).optional(),
});

function headers(token?: string): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Every file of the repo at `revision`, following the tree listing's `Link: rel="next"` pages. */
export async function listHub(hub: Hub, token?: string, signal?: AbortSignal): Promise<WeightsFile[]> {
  const first = `${hubEndpoint()}/api/models/${hub.repo}/tree/${encodeURIComponent(hub.revision)}?recursive=true`;
  const listPage = async (next: string | undefined) => {
    const url = next ?? first;
    const files: WeightsFile[] = [];
    const response = await follow(url, headers(token), `listing hf://${hub.repo}`, signal);
    if (response.statusCode !== 200) throw await hubError(response, hub, token);
    const parsed = z.array(Entry).safeParse(await response.body.json());
    if (!parsed.success)
      throw new WeightsError("weights.unavailable", `Unexpected tree listing for hf://${hub.repo}`, {
        retryable: true,
      });
    for (const entry of parsed.data) {
      if (entry.type !== "file" || ignored(entry.path)) continue;
      files.push({ path: entry.path, size: entry.size, ...(entry.lfs ? { sha256: entry.lfs.oid } : {}) });
    }
    const link = nextLink(response.headers.link);
    return { items: files, next: link ? new URL(link, url).toString() : undefined };
  };
  return collectPages(listPage, {
    source: "Hugging Face",
    what: `hf://${hub.repo}`,
    fail: (message) => new WeightsError("weights.unavailable", message, { retryable: false }),
  });
}

/** The file's bytes, through the Hub's redirect to its CDN for LFS files. */
export async function openHub(
  hub: Hub,
  path: string,
  token?: string,
  signal?: AbortSignal,
): Promise<{ body: Readable; length?: number }> {
  const url = `${hubEndpoint()}/${hub.repo}/resolve/${encodeURIComponent(hub.revision)}/${encodePath(path)}`;
  const response = await follow(url, headers(token), `downloading ${path} from hf://${hub.repo}`, signal);
  if (response.statusCode !== 200) throw await hubError(response, hub, token, path);
  const length = Number(response.headers["content-length"]);
  return { body: response.body, length: Number.isFinite(length) ? length : undefined };
}

/** The Hub says why in `X-Error-Code` (RepoNotFound, GatedRepo, RevisionNotFound, EntryNotFound). */
async function hubError(
  response: Dispatcher.ResponseData,
  hub: Hub,
  token: string | undefined,
  path?: string,
): Promise<WeightsError> {
  const status = response.statusCode;
  const kind = response.headers["x-error-code"];
  const text = await readSome(response.body, 500);
  let said = text.trim();
  try {
    const error = (JSON.parse(text) as { error?: unknown }).error;
    if (typeof error === "string") said = error;
  } catch {}
  const repo = `hf://${hub.repo}`;
  const hubSays = said ? ` (Hub: ${said.slice(0, 200)})` : "";
  if (status === 401 || status === 403) {
    const hint =
      kind === "GatedRepo"
        ? `${repo} is gated: accept its terms on the Hub, then pass an hfToken of that account`
        : token
          ? `the hfToken given has no access to ${repo}, or the repo does not exist`
          : `${repo} is private or gated, or does not exist: pass hfToken to read it`;
    return new WeightsError("weights.unauthorized", `${hint}${hubSays}`, { retryable: false, status });
  }
  if (status === 404) {
    const what =
      kind === "RevisionNotFound"
        ? `revision ${hub.revision} of ${repo}`
        : kind === "EntryNotFound" && path
          ? `${path} in ${repo}@${hub.revision}`
          : repo;
    return new WeightsError("weights.not_found", `No such ${what}${hubSays}`, { retryable: false, status });
  }
  if (isRetryableStatus(status))
    return new WeightsError("weights.unavailable", `The Hub answered ${status} for ${repo}${hubSays}`, {
      retryable: true,
      status,
    });
  return new WeightsError("weights.invalid_source", `The Hub refused ${repo} with ${status}${hubSays}`, {
    retryable: false,
    status,
  });
}
