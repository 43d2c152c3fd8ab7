import type { Context } from "hono";

export type Page<T> = { object: "list"; data: T[]; next_cursor: string | null };

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

/** `after`/`limit` cursor pagination over an already ordered list; the cursor is an opaque offset. */
export function page<T>(items: T[], after: string | undefined, limit: string | undefined): Page<T> {
  const start = after ? Number.parseInt(Buffer.from(after, "base64url").toString(), 10) || 0 : 0;
  const wanted = Number.parseInt(limit ?? "", 10);
  const size = Number.isFinite(wanted) && wanted > 0 ? Math.min(wanted, MAX_LIMIT) : DEFAULT_LIMIT;
  const end = start + size;
  return {
    object: "list",
    data: items.slice(start, end),
    next_cursor: end < items.length ? Buffer.from(String(end)).toString("base64url") : null,
  };
}

export function pageOf<T>(c: Context, items: T[]): Page<T> {
  return page(items, c.req.query("after"), c.req.query("limit"));
}
