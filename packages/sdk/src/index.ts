import createClient, { type Client } from "openapi-fetch";
import { HangarError, WaitError } from "./errors";
import type { components, paths } from "./generated/schema";

export { HangarError, WaitError } from "./errors";
export type { components, paths, webhooks } from "./generated/schema";
export { verifyWebhook, type WebhookEvent, type WebhookEventType } from "./webhook";

type Schemas = components["schemas"];
export type Deployment = Schemas["Deployment"];
export type DeploymentState = Deployment["state"];
export type WaitTarget = "ready" | "stopped" | "deleted";

export type HangarOptions = {
  /** Hangar's base URL, e.g. http://localhost:3000. */
  url: string;
  apiKey: string;
  fetch?: typeof fetch;
};

export type WaitOptions = {
  /** Give up after this long (default 30 minutes). */
  timeoutSeconds?: number;
  /** Each long poll is held at most this long (default 20 s); shorter gives more progress calls. */
  pollSeconds?: number;
  /** Called with the deployment after every answer. */
  onProgress?: (deployment: Deployment) => void;
  signal?: AbortSignal;
};

/** Throws Hangar's error for a failed call; otherwise the typed data. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok)
    throw HangarError.from(result.response.status, result.error);
  return result.data as T;
}

/** Every item of a cursor-paginated list, fetching pages as the iteration needs them. */
export async function* paginate<T>(
  page: (cursor: string | undefined) => Promise<{ data: T[]; nextCursor: string | null }>,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const result = await page(cursor);
    yield* result.data;
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * The typed client (`hangar.api`, generated from Hangar's OpenAPI document by openapi-fetch)
 * and the helpers generation can't give: waiting for a state, iterating over lists.
 */
export class Hangar {
  readonly api: Client<paths>;

  constructor(readonly options: HangarOptions) {
    this.api = createClient<paths>({
      baseUrl: options.url.replace(/\/+$/, ""),
      headers: { authorization: `Bearer ${options.apiKey}` },
      fetch: options.fetch,
    });
  }

  /**
   * A call the generated client doesn't know yet (a route newer than this SDK); the answer's
   * JSON, or a HangarError with the server's code.
   */
  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await (this.options.fetch ?? fetch)(`${this.options.url.replace(/\/+$/, "")}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.options.apiKey}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    if (!response.ok) throw HangarError.from(response.status, json);
    return json as T;
  }

  /** One deployment, by id or name. */
  async deployment(id: string): Promise<Deployment> {
    return unwrap(await this.api.GET("/v1/deployments/{id}", { params: { path: { id } } }));
  }

  /** Every deployment, newest first, across pages. */
  deployments(query: { state?: DeploymentState; provider?: Deployment["provider"]; limit?: number } = {}) {
    return paginate(async (cursor) =>
      unwrap(await this.api.GET("/v1/deployments", { params: { query: { limit: 100, ...query, cursor } } })),
    );
  }

  /**
   * Waits for a deployment (id or name) to reach a state, holding each request on the server
   * (`?waitFor=`) rather than polling. Resolves with the deployment; throws WaitError when it
   * failed (or was deleted) first, or when the time is up.
   */
  async waitFor(id: string, state: WaitTarget, options: WaitOptions = {}): Promise<Deployment> {
    const deadline = Date.now() + (options.timeoutSeconds ?? 1800) * 1000;
    const poll = options.pollSeconds ?? 20;
    for (;;) {
      const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      const result = await this.api.GET("/v1/deployments/{id}", {
        params: { path: { id }, query: { waitFor: state, timeoutSeconds: Math.min(poll, left) } },
        signal: options.signal,
      });
      const deployment = unwrap(result);
      // By id from here on: a deletion frees the name, and a rename changes it.
      id = deployment.id;
      options.onProgress?.(deployment);
      const outcome = result.response.headers.get("hangar-wait");
      if (outcome === "reached" || deployment.state === state) return deployment;
      if (outcome === "failed") {
        const reason = deployment.lastError
          ? `: ${deployment.lastError.message} (${deployment.lastError.code})`
          : "";
        throw new WaitError(
          "wait.failed",
          `${deployment.name} is ${deployment.state}, not ${state}${reason}`,
          deployment,
        );
      }
      if (Date.now() >= deadline) {
        throw new WaitError(
          "wait.timeout",
          `${deployment.name} is still ${deployment.state} after ${options.timeoutSeconds ?? 1800} s (waiting for ${state}).`,
          deployment,
        );
      }
    }
  }
}
