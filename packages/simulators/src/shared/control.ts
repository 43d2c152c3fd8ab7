import type { Hono } from "hono";
import * as z from "zod";
import type { ReadBody } from "./body";
import type { Exchange } from "./exchanges";
import { type Faults, faultKinds } from "./faults";

const Kind = z.enum(faultKinds);
const fault = {
  route: z.string().optional(),
  rates: z.partialRecord(Kind, z.number().min(0).max(1)).optional(),
  next: z.array(z.union([Kind, z.object({ kind: Kind, route: z.string().optional() })])).optional(),
};
const delay = z.number().min(0).optional();

/** `POST /_sim/faults` takes its durations in the provider's own casing. */
const FaultInput = {
  snake_case: z
    .object({ ...fault, retry_after_ms: delay, hang_ms: delay })
    .transform(({ retry_after_ms, hang_ms, ...rest }) => ({
      ...rest,
      retryAfterMs: retry_after_ms,
      hangMs: hang_ms,
    })),
  camelCase: z.object({ ...fault, retryAfterMs: delay, hangMs: delay }),
};

export type ControlOptions = {
  faults: Faults;
  exchanges: Exchange[];
  /** Forgets the provider's own state; faults and the exchange log are cleared here. */
  reset: () => void;
  readBody: ReadBody;
  casing: keyof typeof FaultInput;
  /** The key `GET /_sim/exchanges` lists under: `data` in Together's style, `exchanges` in Fireworks'. */
  exchangesKey: string;
};

/**
 * The control routes every simulator shares, mounted on its `/_sim` app: reset, faults and the
 * exchange log. Inspection and provider-specific failures stay with each simulator.
 */
export function mountControl(app: Hono, options: ControlOptions) {
  const { faults, exchanges } = options;

  app.post("/reset", (c) => {
    options.reset();
    faults.reset();
    exchanges.length = 0;
    return c.json({ ok: true });
  });

  app.post("/faults", async (c) => {
    const body = await options.readBody(c, FaultInput[options.casing]);
    if (!body.ok) return body.response;
    const { route, rates, next, retryAfterMs, hangMs } = body.data;
    if (rates && route) faults.routeRates.set(route, rates);
    else if (rates) faults.rates = rates;
    for (const item of next ?? []) faults.queue.push(typeof item === "string" ? { kind: item, route } : item);
    if (retryAfterMs !== undefined) faults.retryAfterMs = retryAfterMs;
    if (hangMs !== undefined) faults.hangMs = hangMs;
    return c.json(faults.view());
  });

  app.delete("/faults", (c) => {
    faults.reset();
    return c.json(faults.view());
  });

  app.get("/exchanges", (c) => c.json({ [options.exchangesKey]: exchanges }));
  app.delete("/exchanges", (c) => {
    exchanges.length = 0;
    return c.json({ ok: true });
  });

  return app;
}
