import { AsyncLocalStorage } from "node:async_hooks";
import { VisibleError } from "./error";

/** Who is acting: a tenant through an API key, or the system (workers, crons). */
export type Actor = { type: "tenant"; tenantId: string; keyId: string } | { type: "system" };

const storage = new AsyncLocalStorage<Actor>();

export function withActor<R>(actor: Actor, cb: () => R): R {
  return storage.run(actor, cb);
}

export function useActor(): Actor {
  const actor = storage.getStore();
  if (!actor) throw new Error("No actor in context");
  return actor;
}

/** The tenant a request acts for; system code passes the tenant it works on explicitly. */
export function useTenant(): string {
  const actor = useActor();
  if (actor.type !== "tenant")
    throw new VisibleError("auth", "auth.tenant_required", "A tenant is required.");
  return actor.tenantId;
}
