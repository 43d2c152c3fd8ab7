export const faultKinds = ["429", "500", "503", "timeout"] as const;
export type FaultKind = (typeof faultKinds)[number];
export type FaultRates = Partial<Record<FaultKind, number>>;

/**
 * Injected failures: probabilities (global or per route) and a queue of one-off faults that fire
 * in order on the next matching requests, so tests can be exact instead of lucky.
 */
export class Faults {
  rates: FaultRates = {};
  routeRates = new Map<string, FaultRates>();
  queue: { kind: FaultKind; route?: string }[] = [];
  retryAfterMs = 200;
  /** How long a "timeout" fault holds the request before answering 504; past any sane client timeout. */
  hangMs = 120_000;

  constructor(private readonly random: () => number = Math.random) {}

  pick(route: string): FaultKind | undefined {
    const queued = this.queue.findIndex((fault) => !fault.route || fault.route === route);
    if (queued >= 0) return this.queue.splice(queued, 1)[0]?.kind;
    const rates = this.routeRates.get(route) ?? this.rates;
    for (const kind of faultKinds) {
      const rate = rates[kind] ?? 0;
      if (rate > 0 && this.random() < rate) return kind;
    }
    return undefined;
  }

  reset() {
    this.rates = {};
    this.routeRates.clear();
    this.queue = [];
    this.retryAfterMs = 200;
    this.hangMs = 120_000;
  }

  view() {
    return {
      rates: this.rates,
      route_rates: Object.fromEntries(this.routeRates),
      queued: this.queue,
      retry_after_ms: this.retryAfterMs,
      hang_ms: this.hangMs,
    };
  }
}
