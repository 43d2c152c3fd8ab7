import { Config } from "../config";
/**
 * When a subscription gets disabled, as a pure function. `failingSince` marks the first failed
 * attempt after a success; any success clears it. A failure at least `disableAfterMs` after
 * it means every attempt in that stretch failed: disable.
 */
export type Health = { status?: "active" | "disabled"; failingSince?: string };
export type HealthAction =
  | { type: "none" }
  | { type: "recover" }
  | { type: "start"; since: string }
  | { type: "disable"; since: string };

export function nextHealth(health: Health, ok: boolean, now: Date, disableAfterMs: number): HealthAction {
  if ((health.status ?? "active") !== "active") return { type: "none" };
  if (ok) return health.failingSince ? { type: "recover" } : { type: "none" };
  if (!health.failingSince) return { type: "start", since: now.toISOString() };
  if (now.getTime() - Date.parse(health.failingSince) >= disableAfterMs)
    return { type: "disable", since: health.failingSince };
  return { type: "none" };
}

/** HANGAR_WEBHOOK_DISABLE_AFTER_HOURS (default 72), in milliseconds. */
export function disableAfterMs(env?: Record<string, string | undefined>) {
  return Config.webhookDisableAfterHours(env) * 3600_000;
}
