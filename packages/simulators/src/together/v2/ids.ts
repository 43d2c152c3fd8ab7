import { createHash, randomBytes } from "node:crypto";

const ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `ep_8Kq2mV…`: a prefix and 12 random base62 characters. */
export function newId(prefix: string): string {
  return `${prefix}_${Array.from(randomBytes(12), (b) => ALPHA[b % ALPHA.length]).join("")}`;
}

/** An id that is the same on every start, for things derived from the static catalog. */
export function stableId(prefix: string, seed: string): string {
  return `${prefix}_${createHash("sha256").update(seed).digest("base64url").replace(/[-_]/g, "").slice(0, 12)}`;
}

/** Opaque; a new one on every write. */
export function newEtag(): string {
  return randomBytes(8).toString("hex");
}
