import { Agent, type Dispatcher, fetch } from "undici";
import type { z } from "zod";
import { log } from "../util/log";
import { metric } from "../util/metrics";
import type { ProviderError } from "./error";
import { type Clock, parseRetryAfter, type RetryPolicy, systemClock, withRetry } from "./retry";

type ErrorInit = { retryable: boolean; code: string; body?: unknown };

/** How one provider words and classifies its failures; the transport itself knows no provider. */
export type ProviderErrors = {
  /** `name` goes into log events (`<name>.retry`), `label` into messages ("<label> did not answer …"). */
  name: string;
  label: string;
  fromResponse(status: number, body: unknown, headers: Headers, retryAfterMs?: number): ProviderError;
  shouldRetry(status: number, headers: Headers): boolean;
  /** True for errors this provider's classes made, which pass through an attempt unchanged. */
  owns(error: unknown): boolean;
  timeout(message: string, init: ErrorInit): ProviderError;
  connection(message: string, init: ErrorInit): ProviderError;
  invalidResponse(message: string, init: ErrorInit): ProviderError;
};

export type TransportOptions = {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
  retry: RetryPolicy;
  errors: ProviderErrors;
  dispatcher?: Dispatcher;
  /** What `retry-after` dates are measured from and retry waits run on; the system's by default. */
  clock?: Clock;
};

/** What a provider client's user may tune; each client fills in its own defaults. */
export type ClientTuning = {
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  /** Time to the first response byte of a chat completion; default 120 s. */
  chatTimeoutMs?: number;
  /** Retries after the first attempt; default 3. */
  maxRetries?: number;
  retry?: Partial<Omit<RetryPolicy, "maxRetries">>;
  dispatcher?: Dispatcher;
  clock?: Clock;
};

type Query = Record<string, string | number | boolean | undefined>;
type Call = { query?: Query; body?: unknown; timeoutMs?: number; signal?: AbortSignal };

const TIMEOUT = Symbol("timeout");
let sharedAgent: Agent | undefined;

/** One keep-alive pool for every provider call in the process, made on first use. */
function defaultAgent(): Agent {
  sharedAgent ??= new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  return sharedAgent;
}

export function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** HTTP to a provider over undici: auth, timeouts, typed errors and retries. Knows no resources. */
export class HttpTransport {
  constructor(private readonly options: TransportOptions) {}

  /** A JSON call, parsed with `schema`; retried as a whole, body read included. */
  async json<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    call: Call = {},
  ): Promise<z.output<S>> {
    const body = await this.retrying(method, path, call, async (response) => {
      const text = await response.text();
      if (!response.ok) throw this.failure(response, parseBody(text));
      return parseBody(text);
    });
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw this.options.errors.invalidResponse(
        `Unexpected response from ${this.label} for ${method} ${path}`,
        {
          retryable: false,
          code: "invalid_response",
          body: parsed.error.issues,
        },
      );
    }
    return parsed.data;
  }

  /** A call whose success body is text in some format of its own (Prometheus exposition). */
  async text(method: string, path: string, call: Call = {}): Promise<string> {
    return this.retrying(method, path, call, async (response) => {
      const text = await response.text();
      if (!response.ok) throw this.failure(response, parseBody(text));
      return text;
    });
  }

  /** A call whose success body, if any, is of no interest (DELETE answers 204 or `{}`). */
  async empty(method: string, path: string, call: Call = {}): Promise<void> {
    await this.retrying(method, path, call, async (response) => {
      const text = await response.text();
      if (!response.ok) throw this.failure(response, parseBody(text));
    });
  }

  /**
   * The raw response, body untouched, for proxying. Retryable statuses are retried while budget
   * remains; after that the provider's answer, error or not, is handed back as is.
   */
  async passthrough(method: string, path: string, call: Call = {}): Promise<Response> {
    return this.retrying(
      method,
      path,
      call,
      async (response, index) => {
        if (
          !response.ok &&
          index < this.options.retry.maxRetries &&
          this.options.errors.shouldRetry(response.status, response.headers)
        ) {
          throw this.failure(response, parseBody(await response.text()));
        }
        const headers = new Headers(response.headers);
        headers.delete("content-length");
        headers.delete("content-encoding");
        return new Response(response.body, {
          status: response.status,
          statusText: response.statusText,
          headers,
        });
      },
      { untilHeaders: true },
    );
  }

  private failure(response: { status: number; headers: Headers }, body: unknown) {
    const retryAfterMs = parseRetryAfter(response.headers, this.clock.now());
    return this.options.errors.fromResponse(response.status, body, response.headers, retryAfterMs);
  }

  private get clock() {
    return this.options.clock ?? systemClock;
  }

  private get label() {
    return this.options.errors.label;
  }

  private retrying<T>(
    method: string,
    path: string,
    call: Call,
    read: (response: Awaited<ReturnType<typeof fetch>>, index: number) => Promise<T>,
    mode: { untilHeaders?: boolean } = {},
  ): Promise<T> {
    return withRetry(
      (index) => this.attempt(method, path, call, (r) => read(r, index), mode),
      this.options.retry,
      {
        signal: call.signal,
        sleep: this.clock.sleep,
        onRetry: (error, retry, delayMs) =>
          log.debug(`${this.options.errors.name}.retry`, {
            method,
            path,
            status: error.status,
            code: error.code,
            retry,
            delayMs,
          }),
      },
    );
  }

  private async attempt<T>(
    method: string,
    path: string,
    call: Call,
    read: (response: Awaited<ReturnType<typeof fetch>>) => Promise<T>,
    mode: { untilHeaders?: boolean },
  ): Promise<T> {
    const timeoutMs = call.timeoutMs ?? this.options.timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMEOUT), timeoutMs);
    const forward = () => controller.abort(call.signal?.reason);
    call.signal?.addEventListener("abort", forward, { once: true });
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.options.apiKey}`,
      accept: "application/json",
      "user-agent": "hangar",
    };
    if (call.body !== undefined) headers["content-type"] = "application/json";
    if (mode.untilHeaders) headers["accept-encoding"] = "identity";
    const started = performance.now();
    let failed = true;
    try {
      const response = await fetch(this.url(path, call.query), {
        method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: controller.signal,
        dispatcher: this.options.dispatcher ?? defaultAgent(),
      });
      const result = await read(response);
      failed = false;
      return result;
    } catch (error) {
      if (controller.signal.reason === TIMEOUT) {
        throw this.options.errors.timeout(
          `${this.label} did not answer ${method} ${path} within ${timeoutMs} ms`,
          {
            retryable: true,
            code: "timeout",
          },
        );
      }
      if (call.signal?.aborted) throw call.signal.reason;
      if (this.options.errors.owns(error)) throw error;
      const cause =
        error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.message) : "";
      throw this.options.errors.connection(`Could not reach ${this.label} for ${method} ${path}: ${cause}`, {
        retryable: true,
        code: "connection_error",
      });
    } finally {
      clearTimeout(timer);
      const provider = { provider: this.options.errors.name };
      metric.by(provider, "ProviderCallLatency", Math.round(performance.now() - started), "Milliseconds");
      if (failed) metric.by(provider, "ProviderCallErrors");
      // A passed-through body keeps listening, so the caller's abort still cancels the stream.
      if (!mode.untilHeaders) call.signal?.removeEventListener("abort", forward);
    }
  }

  private url(path: string, query?: Query): string {
    const url = new URL(`${this.options.baseUrl.replace(/\/+$/, "")}${path}`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }
}
