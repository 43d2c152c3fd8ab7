import type { Actor } from "../actor";

/**
 * Verified keys, remembered briefly so a hot API doesn't read DynamoDB on every request.
 * Only hits are cached: an unknown key is looked up every time, so a new key works at once.
 * A revoked key keeps working for at most TTL_MS in a warm Lambda.
 */
const TTL_MS = 60_000;
const MAX = 1000;
const entries = new Map<string, { actor: Actor; until: number }>();

export function cached(digest: string, now = Date.now()): Actor | undefined {
  const hit = entries.get(digest);
  if (!hit) return undefined;
  if (hit.until > now) return hit.actor;
  entries.delete(digest);
  return undefined;
}

export function remember(digest: string, actor: Actor, now = Date.now()) {
  if (entries.size >= MAX) entries.delete(entries.keys().next().value as string);
  entries.set(digest, { actor, until: now + TTL_MS });
}
