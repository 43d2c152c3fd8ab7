import type { MiddlewareHandler } from "hono";

/** One request/response pair as the simulator saw it. The Authorization header is never kept. */
export type Exchange = {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  route: string;
  request: { body: unknown };
  response: { status: number; contentType: string; body: unknown };
};

const LIMIT = 2_000;

function parse(text: string, contentType: string): unknown {
  if (!text) return undefined;
  if (!contentType.includes("json")) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Records each exchange into `log` (bounded) and hands it to `onExchange`, for contract tests.
 * `routeKey` names the route the provider's way, as fault routes and call counts do.
 */
export function exchangeLog(
  log: Exchange[],
  routeKey: (method: string, path: string) => string,
  onExchange?: (exchange: Exchange) => void,
): MiddlewareHandler {
  return async function recordExchange(c, next) {
    const requestText = c.req.raw.body ? await c.req.raw.clone().text() : "";
    const requestType = c.req.header("content-type") ?? "";
    await next();
    const response = c.res;
    const contentType = response.headers.get("content-type") ?? "";
    const url = new URL(c.req.url);
    const finish = (text: string) => {
      const exchange: Exchange = {
        at: new Date().toISOString(),
        method: c.req.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        route: routeKey(c.req.method, url.pathname),
        request: { body: parse(requestText, requestType || "json") },
        response: { status: response.status, contentType, body: parse(text, contentType) },
      };
      log.push(exchange);
      if (log.length > LIMIT) log.splice(0, log.length - LIMIT);
      onExchange?.(exchange);
    };
    if (!response.body) return finish("");
    const copy = response.clone();
    // A stream is logged once it has been sent in full; JSON is small and logged before it leaves.
    if (contentType.includes("event-stream")) void copy.text().then(finish, () => finish(""));
    else finish(await copy.text());
  };
}
