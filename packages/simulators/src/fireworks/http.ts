import type { Context } from "hono";
import { bodyReader } from "../shared/body";
import { rpcError } from "./errors";

/** Parses a JSON body with `schema`, `{}` when empty; answers INVALID_ARGUMENT itself when not acceptable. */
export const readBody = bodyReader({
  empty: () => ({}),
  malformed: (c) => rpcError(c, "INVALID_ARGUMENT", "invalid JSON in request body"),
  invalid: (c, issues) => {
    const issue = issues[0];
    const field = issue?.path.map(String).join(".") || "body";
    return rpcError(c, "INVALID_ARGUMENT", `invalid request: ${field}: ${issue?.message}`);
  },
});

/** AIP-158 paging: an opaque token holding the offset; `pageSize` defaults to 50 and is capped. */
export function paginate<T>(c: Context, items: T[], key: string, maxPageSize: number) {
  const size = Math.min(Number(c.req.query("pageSize")) || 50, maxPageSize);
  const token = c.req.query("pageToken");
  const offset = token ? Number(Buffer.from(token, "base64url").toString()) || 0 : 0;
  const page = items.slice(offset, offset + size);
  const next =
    offset + size < items.length ? Buffer.from(String(offset + size)).toString("base64url") : undefined;
  return { [key]: page, ...(next ? { nextPageToken: next } : {}), totalSize: items.length };
}

/** Fireworks ids: 1–63 of a-z, 0-9 and `-`, starting with a letter and not ending with `-`. */
export const validId = (id: string) => /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/.test(id);

/** `m:prepare` → `["m", "prepare"]`: custom methods ride on the resource path after a colon. */
export function splitVerb(segment: string): [string, string | undefined] {
  const at = segment.indexOf(":");
  return at < 0 ? [segment, undefined] : [segment.slice(0, at), segment.slice(at + 1)];
}

/** `GET /v1/accounts/acct/models/m:validateUpload` → `GET /v1/accounts/:account/models/:id:validateUpload`. */
export function routeKey(method: string, path: string): string {
  const route = path
    .replace(/^(\/v1\/accounts\/)[^/]+/, "$1:account")
    .replace(/\/(models|deployments|deployedModels|deploymentShapes|versions)\/[^/:]+/g, "/$1/:id")
    .replace(/\/+$/, "");
  return `${method.toUpperCase()} ${route}`;
}

/** The `{account}` of `/v1/accounts/{account}/…`, which sub-apps see through the mount path. */
export const accountOf = (c: Context) => (c.req.param() as Record<string, string | undefined>).account;
