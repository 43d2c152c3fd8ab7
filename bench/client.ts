import type { Exchange } from "@hangar/simulators/together/index";

/** Calls the stack's API (one-off calls; the load generator has its own pool). */
export function apiClient(apiUrl: string, apiKey: string) {
  return async function api<T = Record<string, unknown>>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${apiUrl}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${body === undefined ? "GET" : "POST"} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

export type SimState = { calls: Record<string, number> };

/** The Together simulator's control API (`/_sim`). */
export function simClient(togetherUrl: string) {
  const root = `${togetherUrl.replace(/\/v1$/, "")}/_sim`;
  const call = async <T>(method: string, path: string): Promise<T> => {
    const response = await fetch(`${root}${path}`, { method, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`simulator ${method} /_sim${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    reset: () => call("POST", "/reset"),
    state: () => call<SimState>("GET", "/state"),
    exchanges: async () => (await call<{ data: Exchange[] }>("GET", "/exchanges")).data,
  };
}
