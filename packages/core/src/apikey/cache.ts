import type { Actor } from "../actor";
import { Config } from "../config";

/**
 * Verified keys, remembered briefly so a hot API doesn't read DynamoDB on every request.
 * Only hits are cached: an unknown key is looked up every time, so a new key works at once.
 * A revoked key keeps working for at most the cache window (HANGAR_API_KEY_CACHE_SECONDS,
 * 60 s by default) in an API process other than the one that revoked it.
 */
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
  const ttlMs = Config.apiKeyCacheSeconds() * 1000;
  if (ttlMs <= 0) return;
  if (entries.size >= MAX) entries.delete(entries.keys().next().value as string);
  entries.set(digest, { actor, until: now + ttlMs });
}

export function forget(digest: string) {
  entries.delete(digest);
}
