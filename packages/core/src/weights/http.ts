import type { Agent, Dispatcher } from "undici";
import { networkError, WeightsError } from "./errors";

/**
 * undici is most of a bundle's weight (~700 KB): it is loaded on the first transfer or Hub check,
 * not when a function starts. The API reaches it only when a create names a source to check.
 * Its default export, since undici is CommonJS: a split bundle's chunk for it has no named exports.
 */
const undici = () => import("undici").then((m) => m.default);

let agent: Promise<Agent> | undefined;

/**
 * One keep-alive pool for weight transfers. Timeouts are idle timeouts: undici refreshes the headers
 * timer while a request body is still being written, so a long PUT only fails when it stalls.
 */
function dispatcher(): Promise<Agent> {
  agent ??= undici().then(
    ({ Agent }) => new Agent({ connectTimeout: 10_000, headersTimeout: 60_000, bodyTimeout: 60_000 }),
  );
  return agent;
}

type RequestOptions = Omit<Dispatcher.RequestOptions<null>, "origin" | "path">;

/** undici's `request` through the transfer pool. */
export async function request(url: string | URL, options: RequestOptions): Promise<Dispatcher.ResponseData> {
  const [{ request }, pool] = await Promise.all([undici(), dispatcher()]);
  return request(url, { ...options, dispatcher: pool });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * A GET that follows redirects itself: the Hub 302s LFS files to a CDN host and 307s renamed repos.
 * The bearer token is dropped as soon as a hop leaves the origin it was meant for.
 */
export async function follow(
  url: string,
  headers: Record<string, string>,
  what: string,
  signal?: AbortSignal,
): Promise<Dispatcher.ResponseData> {
  let current = new URL(url);
  let sent = headers;
  for (let hop = 0; ; hop++) {
    const response = await request(current, { method: "GET", headers: sent, signal }).catch(
      (error: unknown) => {
        throw networkError(what, error, signal);
      },
    );
    if (!REDIRECTS.has(response.statusCode)) return response;
    await response.body.dump();
    const location = response.headers.location;
    if (typeof location !== "string" || hop === MAX_REDIRECTS)
      throw new WeightsError("weights.unavailable", `${what}: redirect loop or redirect without a location`, {
        retryable: false,
        status: response.statusCode,
      });
    const next = new URL(location, current);
    if (next.origin !== current.origin) {
      const { authorization: _, ...rest } = sent;
      sent = rest;
    }
    current = next;
  }
}

/** The start of an error body, for a message; never the whole thing. */
export async function readSome(body: Dispatcher.ResponseData["body"], limit = 2048): Promise<string> {
  let text = "";
  try {
    for await (const chunk of body) {
      text += (chunk as Buffer).toString("utf8");
      if (text.length >= limit) break;
    }
  } catch {
    // An error body that fails mid-read still leaves the status to report.
  } finally {
    body.destroy();
  }
  return text.slice(0, limit);
}
