import { type Actor, withActor } from "@hangar/core/actor";
import * as ApiKey from "@hangar/core/apikey/index";
import { VisibleError } from "@hangar/core/error";
import { log } from "@hangar/core/util/log";
import type { MiddlewareHandler } from "hono";

/** Resolves a bearer key to who it acts for; undefined when the key is not valid. */
export type VerifyKey = (key: string) => Promise<Actor | undefined>;

/** Resolves the bearer key to a tenant and runs the rest of the request as that tenant. */
export function auth(verify: VerifyKey = ApiKey.verify): MiddlewareHandler {
  return async function auth(c, next) {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw new VisibleError("auth", "auth.missing_key", "Send an API key as 'Authorization: Bearer <key>'.");
    }
    const actor = await verify(match[1]);
    if (!actor) throw new VisibleError("auth", "auth.invalid_key", "The API key is not valid.");
    const keys = actor.type === "tenant" ? { tenantId: actor.tenantId } : {};
    await log.withKeys(keys, () => withActor(actor, () => next()));
  };
}
