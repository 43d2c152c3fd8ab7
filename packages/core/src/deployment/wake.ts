import { RetryLater, TransitionConflict } from "../error";
import { dispatch } from "./dispatch";
import { retryAfter } from "./pace";
import { stoppedForBudgetThisMonth } from "./policy";
import type { Row } from "./row";
import { waitFor } from "./wait";
import { commit, load } from "./write";

/** What a client is told to wait for a provider scaling up from zero by itself. */
const SCALING_UP_RETRY_SECONDS = 30;
/** How often a held request asks again a provider that is scaling up from zero. */
const SCALING_UP_POLL_MS = 2000;

const waking = (state: string, seconds: number) =>
  new RetryLater(
    "deployment.waking",
    `The deployment is starting for this request (wakeOnRequest); retry after ${seconds} s, or send \`Prefer: wait=N\` to be held until it serves.`,
    seconds,
    { state },
  );

/**
 * A request reached a deployment with wakeOnRequest that doesn't serve. A stopped (or stopping)
 * one is started as `POST /start` would, with reason `wake`: that move fires `deployment.waking`
 * and records activity, so the idle policy doesn't stop it again at once. It is a conditional
 * write, so concurrent requests start it once: the others find it starting. The request is
 * then held until the deployment serves or `waitSeconds` pass; past them, 503 `deployment.waking`
 * with a Retry-After from how long its starts took before.
 * A deployment it can't wake (a hard budget's stop this month, a failure) is returned as it is.
 */
export async function wake(row: Row, waitSeconds: number, signal?: AbortSignal): Promise<Row> {
  let current = row;
  for (let attempt = 0; attempt < 4 && asleep(current); attempt++) {
    const now = new Date().toISOString();
    try {
      const committed = await commit(current, {
        to: "starting",
        reason: "wake",
        set: { lastActivityAt: now },
        remove: ["stopReason", "unconfirmed"],
        nextCheckSeconds: 0,
        guard: { version: current.version },
      });
      await dispatch(committed);
      current = committed.row;
    } catch (error) {
      if (!(error instanceof TransitionConflict)) throw error;
      current = (await load(row.id)) ?? current;
    }
  }
  if (current.state !== "starting") return current;
  if (waitSeconds > 0) {
    const { outcome } = await waitFor(current.id, "ready", waitSeconds, signal);
    if (outcome !== "timeout") return (await load(current.id)) ?? current;
  }
  throw waking(current.state, await retryAfter(current));
}

function asleep(row: Row) {
  const stopped = row.state === "stopped" || row.state === "stopping";
  return stopped && !stoppedForBudgetThisMonth(row, new Date().toISOString());
}

/**
 * Scaled to zero, the provider wakes the endpoint itself and answers 503 meanwhile (Fireworks:
 * `DEPLOYMENT_SCALING_UP`): the request is held, asking again, for up to `waitSeconds`.
 */
export async function untilServing(
  call: () => Promise<Response>,
  waitSeconds: number,
  signal?: AbortSignal,
): Promise<Response> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    const response = await call();
    if (response.status !== 503) return response;
    await response.body?.cancel();
    if (Date.now() + SCALING_UP_POLL_MS > deadline || signal?.aborted)
      throw waking("ready", SCALING_UP_RETRY_SECONDS);
    await new Promise((resolve) => setTimeout(resolve, SCALING_UP_POLL_MS));
  }
}
