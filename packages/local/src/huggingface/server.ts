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
};

const CDN_TTL_SECONDS = 3600;

/** Routes the real Hub serves for listing and downloading a model repo, plus the signed CDN path. */
export async function handle(ctx: HubContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") return hubError(res, 405, "Method not allowed");
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  const parts = url.pathname.split("/").slice(1).map(decodeURIComponent);
  if (parts[0] === "_cdn" && parts[1] === "repos") return cdn(ctx, req, res, url, parts);

  const api = parts[0] === "api" && parts[1] === "models";
  const [org, name, action, revision, ...rest] = api ? parts.slice(2) : parts;
  if (!org || !name) return hubError(res, 404, "Not Found");
  const id = `${org}/${name}`;
  const repo = ctx.repos.get(id);
  if (!allowed(ctx, req, res, id, repo)) return;

  if (api && !action) return info(res, repo);
  if (!revision || !repo.hasRevision(revision))
    return hubError(res, 404, `Invalid rev id: ${revision ?? ""}`, "RevisionNotFound");
  if (api && action === "revision" && rest.length === 0) return info(res, repo);
  if (api && action === "tree") return tree(ctx, res, url, repo, rest.join("/"));
  if (!api && action === "resolve") return resolve(ctx, req, res, url, repo, rest.join("/"));
  return hubError(res, 404, "Not Found");
}

/**
 * The Hub doesn't reveal whether a repo it won't show you exists: anonymous callers get 401
 * RepoNotFound for private and missing repos alike; a bad token is refused outright.
 */
function allowed(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  repo: HubRepo | undefined,
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
  if (repo.spec.gated && !authed) {
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

function info(res: ServerResponse, repo: HubRepo): void {
  json(res, 200, {
    _id: repo.commit.slice(0, 24),
    id: repo.id,
    modelId: repo.id,
    private: repo.spec.private ?? false,
    gated: repo.spec.gated ? "auto" : false,
    disabled: false,
    sha: repo.commit,
    tags: [],
    downloads: 0,
    likes: 0,
    siblings: [...repo.files.keys()].sort().map((rfilename) => ({ rfilename })),
  });
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
