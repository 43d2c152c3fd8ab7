import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { hubError, json, sendBytes } from "./http";
import type { HubRepo } from "./repo";

export type HubContext = {
  repos: Map<string, HubRepo>;
  token: string;
  pageSize: number;
  /** Signs CDN redirects, so LFS bytes are reachable only through a resolve the caller was allowed. */
  secret: Buffer;
  /** `lastModified` of repos that don't set their own. */
  startedAt: string;
};

const CDN_TTL_SECONDS = 3600;

/** Routes the real Hub serves for listing and downloading a model repo, plus the signed CDN path. */
export async function handle(ctx: HubContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") return hubError(res, 405, "Method not allowed");
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  const parts = url.pathname.split("/").slice(1).map(decodeURIComponent);
  if (parts[0] === "_cdn" && parts[1] === "repos") return cdn(ctx, req, res, url, parts);

  const api = parts[0] === "api" && parts[1] === "models";
  if (api && (parts.length === 2 || (parts.length === 3 && !parts[2]))) return list(ctx, req, res, url);
  const [org, name, action, revision, ...rest] = api ? parts.slice(2) : parts;
  if (!org || !name) return hubError(res, 404, "Not Found");
  const id = `${org}/${name}`;
  const repo = ctx.repos.get(id);
  const files = !api && (action === "resolve" || action === "raw");
  if (!allowed(ctx, req, res, id, repo, files)) return;

  if (api && !action) return info(ctx, res, url, repo);
  if (!revision || !repo.hasRevision(revision))
    return hubError(res, 404, `Invalid rev id: ${revision ?? ""}`, "RevisionNotFound");
  if (api && action === "revision" && rest.length === 0) return info(ctx, res, url, repo);
  if (api && action === "tree") return tree(ctx, res, url, repo, rest.join("/"));
  if (!api && action === "resolve") return resolve(ctx, req, res, url, repo, rest.join("/"));
  if (!api && action === "raw") return raw(req, res, repo, rest.join("/"));
  return hubError(res, 404, "Not Found");
}

/**
 * The Hub doesn't reveal whether a repo it won't show you exists: anonymous callers get 401
 * RepoNotFound for private and missing repos alike; a bad token is refused outright. A gated
 * repo shows its metadata and file list to anyone; its files need a token with access.
 */
function allowed(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  repo: HubRepo | undefined,
  files: boolean,
): repo is HubRepo {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (bearer !== undefined && !same(bearer, ctx.token)) {
    hubError(res, 401, "Invalid credentials in Authorization header");
    return false;
  }
  const authed = bearer !== undefined;
  if (!repo || (repo.spec.private && !authed)) {
    hubError(res, authed ? 404 : 401, "Repository not found", "RepoNotFound");
    return false;
  }
  if (repo.gated && files && !authed) {
    hubError(
      res,
      401,
      `Access to model ${id} is restricted. You must have access to it and be authenticated to access it. Please log in.`,
      "GatedRepo",
    );
    return false;
  }
  return true;
}

/** What `expand` may ask for; the real Hub knows more (spaces, safetensors…), none of which Hangar reads. */
const EXPANDABLE = [
  "author",
  "cardData",
  "config",
  "createdAt",
  "disabled",
  "downloads",
  "gated",
  "lastModified",
  "library_name",
  "likes",
  "pipeline_tag",
  "private",
  "sha",
  "siblings",
  "tags",
  "usedStorage",
] as const;

/** A repo's card: everything, or with `expand` (`expand=a&expand=b` or `expand[]=a`), `_id`, `id` and those fields. */
function info(ctx: HubContext, res: ServerResponse, url: URL, repo: HubRepo): void {
  const asked = [...url.searchParams.getAll("expand"), ...url.searchParams.getAll("expand[]")];
  const unknown = asked.find((field) => !(EXPANDABLE as readonly string[]).includes(field));
  if (unknown !== undefined) {
    hubError(res, 400, `"expand" must be one of [${EXPANDABLE.map((f) => `"${f}"`).join(", ")}]`);
    return;
  }
  const full: Record<(typeof EXPANDABLE)[number], unknown> & Record<string, unknown> = {
    _id: repo.commit.slice(0, 24),
    id: repo.id,
    modelId: repo.id,
    author: repo.id.split("/")[0],
    sha: repo.commit,
    lastModified: repo.spec.lastModified ?? ctx.startedAt,
    createdAt: repo.spec.lastModified ?? ctx.startedAt,
    private: repo.spec.private ?? false,
    gated: repo.gated,
    disabled: false,
    downloads: 0,
    likes: 0,
    library_name: repo.files.has("adapter_config.json") ? "peft" : "transformers",
    pipeline_tag: "text-generation",
    tags: repo.files.has("adapter_config.json") ? ["peft", "safetensors"] : ["transformers", "safetensors"],
    cardData: {},
    config: repo.config(),
    usedStorage: [...repo.files.values()].reduce((sum, file) => sum + file.size, 0),
    siblings: [...repo.files.keys()].sort().map((rfilename) => ({ rfilename })),
  };
  const picked = ["_id", "id", ...asked].map((field) => [field, full[field]]);
  json(res, 200, asked.length === 0 ? full : Object.fromEntries(picked));
}

/** `GET /api/models`: the repos this simulator serves (private ones only to the token), `search`/`author` filtered. */
function list(ctx: HubContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  const authed = bearer !== undefined && same(bearer, ctx.token);
  const search = url.searchParams.get("search")?.toLowerCase();
  const author = url.searchParams.get("author");
  const repos = [...ctx.repos.values()].filter(
    (repo) =>
      (authed || !repo.spec.private) &&
      (!search || repo.id.toLowerCase().includes(search)) &&
      (!author || repo.id.startsWith(`${author}/`)),
  );
  json(
    res,
    200,
    repos.map((repo) => ({
      _id: repo.commit.slice(0, 24),
      id: repo.id,
      modelId: repo.id,
      private: repo.spec.private ?? false,
      gated: repo.gated,
      likes: 0,
      downloads: 0,
      pipeline_tag: "text-generation",
      lastModified: repo.spec.lastModified ?? ctx.startedAt,
      createdAt: repo.spec.lastModified ?? ctx.startedAt,
    })),
  );
}

/** The git blob: a small file's bytes, or an LFS file's pointer (which is what the repo stores). */
async function raw(req: IncomingMessage, res: ServerResponse, repo: HubRepo, path: string) {
  const file = repo.files.get(path);
  if (!file) return hubError(res, 404, "Entry not found", "EntryNotFound");
  const blob = file.lfs ? await file.pointerFile() : file;
  return sendBytes(req, res, blob, { "x-repo-commit": repo.commit, etag: `"${blob.gitOid}"` });
}

/** Paginated like the Hub: an opaque `cursor` and a `Link: <…>; rel="next"` to the next page. */
async function tree(ctx: HubContext, res: ServerResponse, url: URL, repo: HubRepo, folder: string) {
  const recursive = url.searchParams.get("recursive") === "true" || url.searchParams.get("recursive") === "1";
  const entries = await repo.tree(folder, recursive);
  if (folder && entries.length === 0) return hubError(res, 404, `Entry not found`, "EntryNotFound");
  const cursor = url.searchParams.get("cursor");
  const offset = cursor ? Number(Buffer.from(cursor, "base64url").toString()) || 0 : 0;
  const page = entries.slice(offset, offset + ctx.pageSize);
  const headers: Record<string, string> = {};
  if (offset + ctx.pageSize < entries.length) {
    const next = new URL(url);
    next.searchParams.set("cursor", Buffer.from(String(offset + ctx.pageSize)).toString("base64url"));
    headers.link = `<${next}>; rel="next"`;
  }
  json(res, 200, page, headers);
}

/** Small files come straight back; LFS files redirect to a signed, expiring CDN URL (as the real Hub's do). */
async function resolve(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  repo: HubRepo,
  path: string,
) {
  const file = repo.files.get(path);
  if (!file) return hubError(res, 404, "Entry not found", "EntryNotFound");
  const common = { "x-repo-commit": repo.commit };
  if (!file.lfs) return sendBytes(req, res, file, { ...common, etag: `"${file.gitOid}"` });
  const sha256 = await file.sha256();
  const expires = Math.floor(Date.now() / 1000) + CDN_TTL_SECONDS;
  const location = new URL(`/_cdn/repos/${repo.id}/${sha256}`, url);
  location.searchParams.set("Expires", String(expires));
  location.searchParams.set("Signature", sign(ctx, repo.id, sha256, expires));
  res.writeHead(302, {
    ...common,
    location: location.toString(),
    etag: `"${sha256}"`,
    "x-linked-etag": `"${sha256}"`,
    "x-linked-size": file.size,
    "content-length": 0,
  });
  res.end();
}

async function cdn(ctx: HubContext, req: IncomingMessage, res: ServerResponse, url: URL, parts: string[]) {
  const [org, name, sha256] = parts.slice(2);
  const id = `${org}/${name}`;
  const expires = Number(url.searchParams.get("Expires"));
  const signature = url.searchParams.get("Signature") ?? "";
  if (!sha256 || !(expires * 1000 > Date.now()) || !same(signature, sign(ctx, id, sha256, expires))) {
    res.writeHead(403, { "content-type": "application/xml" });
    res.end(
      "<?xml version='1.0' encoding='UTF-8'?><Error><Code>AccessDenied</Code><Message>Access denied</Message></Error>",
    );
    return;
  }
  const file = await ctx.repos.get(id)?.bySha256(sha256);
  if (!file) return hubError(res, 404, "Entry not found", "EntryNotFound");
  return sendBytes(req, res, file, { etag: `"${sha256}"` });
}

function sign(ctx: HubContext, id: string, sha256: string, expires: number): string {
  return createHmac("sha256", ctx.secret).update(`${id}/${sha256}:${expires}`).digest("hex");
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
