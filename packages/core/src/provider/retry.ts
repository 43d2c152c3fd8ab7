import { ProviderError } from "./error";

export type RetryPolicy = {
  /** Retries after the first attempt; 3 means at most 4 calls. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server hint longer than this is ignored in favour of our own backoff. */
  maxRetryAfterMs: number;
};

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** A client's policy: the defaults, overridden by what its options set. */
export function retryPolicy(options: { retry?: Partial<RetryPolicy>; maxRetries?: number }): RetryPolicy {
  return {
    ...defaultRetryPolicy,
    ...options.retry,
    maxRetries: options.maxRetries ?? defaultRetryPolicy.maxRetries,
  };
}

/** `retry-after-ms` (milliseconds), else `retry-after` as seconds or an HTTP date. */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "") {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const header = headers.get("retry-after");
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full jitter: anywhere between 0 and the capped exponential step, so clients that failed together spread out. */
export function backoffDelay(
  retry: number,
  policy: RetryPolicy,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined && retryAfterMs <= policy.maxRetryAfterMs) return retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener("abort", abort, { once: true });
  });
}

/** Time as retries see it; tests pass their own to check the waits without waiting. */
export type Clock = {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
};

export const systemClock: Clock = { now: () => Date.now(), sleep };

export type RetryHooks = {
  signal?: AbortSignal;
  sleep?: Clock["sleep"];
  onRetry?: (error: ProviderError, retry: number, delayMs: number) => void;
};

/**
 * Runs `attempt` until it succeeds, throws a non-retryable error, or the budget is spent; then the
 * last error is rethrown, so a caller never sees `undefined` for a failure.
 */
export async function withRetry<T>(
  attempt: (index: number) => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> {
  for (let index = 0; ; index++) {
    try {
      return await attempt(index);
    } catch (error) {
      const retryable = error instanceof ProviderError && error.retryable;
      if (!retryable || index >= policy.maxRetries || hooks.signal?.aborted) throw error;
      const delay = backoffDelay(index, policy, error.retryAfterMs);
      hooks.onRetry?.(error, index + 1, delay);
      await (hooks.sleep ?? sleep)(delay, hooks.signal);
    }
  }
}
