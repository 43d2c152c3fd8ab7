import * as z from "zod";
import { apiFunction } from "../api-function";
import { mine } from "./query";
import { toInfo } from "./row";
import { load } from "./write";

/** A long poll (or a held request) ends well before the API function's limit. */
export const MAX_WAIT_SECONDS = apiFunction.holdSeconds;
const POLL_MS = 1000;

export const WaitTarget = z.enum(["ready", "stopped", "deleted"]);
export type WaitTarget = z.infer<typeof WaitTarget>;

export const WaitQuery = z.object({
  waitFor: WaitTarget.optional().meta({
    description:
      "Long poll: answer as soon as the deployment is in this state or failed, or after timeoutSeconds with its current state. The `Hangar-Wait` header says which.",
  }),
  timeoutSeconds: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_WAIT_SECONDS)
    .default(60)
    .meta({ description: `How long to hold the request with waitFor (at most ${MAX_WAIT_SECONDS}).` }),
});

export type WaitOutcome = "reached" | "failed" | "timeout";

/** What a state means for a wait: reached, never reachable any more, or still to come. */
function outcome(state: string, target: WaitTarget): WaitOutcome | undefined {
  if (state === target) return "reached";
  if (state === "failed" || state === "deleted") return "failed";
  return undefined;
}

/**
 * Re-reads the deployment (one consistent read per second) until it reaches the target, can no
 * longer reach it, or the time is up. The first read resolves a name; later ones go by id.
 */
export async function waitFor(ref: string, target: WaitTarget, timeoutSeconds: number, signal?: AbortSignal) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let row = await mine(ref);
  for (;;) {
    const result = outcome(row.state, target);
    if (result) return { info: toInfo(row), outcome: result };
    if (Date.now() + POLL_MS > deadline || signal?.aborted)
      return { info: toInfo(row), outcome: "timeout" as const };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    row = (await load(row.id)) ?? row;
  }
}
