import type { Readable } from "node:stream";
import type { Dispatcher } from "undici";
import * as z from "zod";
import { Config } from "../config";
import { collectPages } from "../util/paginate";
import { isRetryableStatus, networkError, WeightsError } from "./errors";
import { follow, readSome, request } from "./http";
import { nextLink } from "./link";
import { encodePath, ignored } from "./source";
import type { WeightsFile } from "./types";

type Hub = { repo: string; revision: string };

export const DEFAULT_HUB = "https://huggingface.co";

/** The variable huggingface_hub itself reads, so mirrors and the local simulator work unchanged. */
export function hubEndpoint(): string {
  return (Config.hubEndpoint() ?? DEFAULT_HUB).replace(/\/+$/, "");
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

/**
 * Whether `hub` can be read, asked before anything is created: the repo and revision exist (its
 * card, which is public even for gated repos), and a gated repo's files open with `token`.
 */
export async function checkHub(hub: Hub, token?: string, signal?: AbortSignal): Promise<void> {
  const card = `${hubEndpoint()}/api/models/${hub.repo}/revision/${encodeURIComponent(hub.revision)}?expand[]=gated&expand[]=siblings`;
  const response = await follow(card, headers(token), `reading hf://${hub.repo}`, signal);
  if (response.statusCode !== 200) throw await hubError(response, hub, token);
  const info = z
    .object({
      gated: z.union([z.literal(false), z.string()]).optional(),
      siblings: z.array(z.object({ rfilename: z.string() })).optional(),
    })
    .safeParse(await response.body.json().catch(() => undefined));
  if (!info.success || !info.data.gated) return;
  const names = (info.data.siblings ?? []).map((s) => s.rfilename);
  const probe =
    names.find((name) => name === "config.json" || name === "adapter_config.json") ??
    names.find((name) => !ignored(name) && name !== "README.md");
  if (!probe) return;
  // HEAD, without following the CDN redirect: whether the Hub lets this token at the bytes, not the bytes.
  const url = `${hubEndpoint()}/${hub.repo}/resolve/${encodeURIComponent(hub.revision)}/${encodePath(probe)}`;
  const head = await request(url, {
    method: "HEAD",
    headers: headers(token),
    signal,
  }).catch((error: unknown) => {
    throw networkError(`reading hf://${hub.repo}`, error, signal);
  });
  if (head.statusCode >= 400) throw await hubError(head, hub, token, probe);
  await head.body.dump();
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
  let said = text.trim() || String(response.headers["x-error-message"] ?? "");
  try {
    const error = (JSON.parse(text) as { error?: unknown }).error;
    if (typeof error === "string") said = error;
  } catch {}
  const repo = `hf://${hub.repo}`;
  const hubSays = said ? ` (Hub: ${said.slice(0, 200)})` : "";
  if (kind === "RepoNotFound") {
    // The Hub's "Repository not found" would only repeat what the message says.
    return new WeightsError("weights.not_found", notFound(repo, token), { retryable: false, status });
  }
  if (status === 401 || status === 403) {
    // Licences are accepted on the Hub itself, whichever mirror or simulator serves the bytes.
    const page = `${DEFAULT_HUB}/${hub.repo}`;
    const hint =
      kind === "GatedRepo"
        ? token
          ? `${repo} is gated and the hfToken given has not been granted access: request access at ${page} with that account`
          : `${repo} is gated: accept its licence at ${page}, then pass hfToken, a token of that account`
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

/**
 * The Hub answers RepoNotFound for a missing repo and, to anonymous callers, for a private one.
 * Away from the real Hub (HF_ENDPOINT set, as the local stack does), the likelier mistake is the
 * endpoint: the local simulator serves only the repos it lists.
 */
function notFound(repo: string, token: string | undefined): string {
  const endpoint = hubEndpoint();
  const privately = token ? "" : "; if it is private, pass hfToken";
  if (endpoint === DEFAULT_HUB) return `${repo} was not found on the Hub${privately}`;
  return (
    `${repo} was not found on the Hub at ${endpoint} (HF_ENDPOINT)${privately}. ` +
    `The local Hub simulator serves only the repos listed at ${endpoint}/api/models; ` +
    `set HF_ENDPOINT to a Hub that has it (${DEFAULT_HUB} for the real one)`
  );
}
