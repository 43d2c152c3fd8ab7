import type { ServerOptions } from "node:http";

/**
 * How long a client may take over one request: the headers, then the whole request (body
 * included), and how long an idle kept-alive connection stays open. Without them a client that
 * trickles a body holds a socket (and Node's memory for it) for as long as it likes.
 */
export type ServerTimeouts = { headersMs: number; requestMs: number; keepAliveMs?: number };

export const API_TIMEOUTS: ServerTimeouts = { headersMs: 30_000, requestMs: 120_000 };

/**
 * Options for `http.createServer`. Node enforces the first two only when it sweeps its
 * connections, every `connectionsCheckingInterval` (30 s by default), so the sweep runs at a
 * quarter of the shortest timeout: a 1 s test timeout then fires in about 1 s, not 30. Node also
 * refuses a headers timeout above the request timeout.
 */
export function serverTimeouts(t: ServerTimeouts): ServerOptions {
  const headersTimeout = Math.min(t.headersMs, t.requestMs);
  return {
    headersTimeout,
    requestTimeout: t.requestMs,
    keepAliveTimeout: t.keepAliveMs ?? 5_000,
    connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(headersTimeout / 4))),
  };
}
