import { createHash } from "node:crypto";
import * as z from "zod";

/** Generated keys look like `hk_<43 chars>`; only a key's SHA-256 is stored, and lookups go by it. */
export const PREFIX = "hk_";

export const hash = (key: string) => createHash("sha256").update(key).digest("hex");

/** Looked up by the key's hash on every cache miss; listed per tenant through the byTenant index. */
export type KeyRow = {
  pk: string;
  sk: "KEY";
  type: "apikey";
  id: string;
  tenantId: string;
  name: string | null;
  /** The key's first and last characters, so a user can tell keys apart without the secret. */
  prefix?: string;
  last4?: string;
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
  tenantPk?: string;
  tenantSk?: string;
};

export const keyItem = (digest: string) => ({ pk: `KEY#${digest}`, sk: "KEY" as const });
export const tenantKeys = (tenantId: string) => `TEN#${tenantId}#KEY`;

export const KeyInfo = z
  .object({
    id: z.string().meta({ example: "key_01jd4k2z5x8q3w6e9r0t1y2u3i" }),
    name: z.string().nullable(),
    prefix: z.string().nullable().meta({ description: "How the key begins, e.g. `hk_`." }),
    last4: z.string().nullable().meta({ description: "The key's last four characters." }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().meta({
      description: "When a request with it was last authenticated, to within the key cache window.",
    }),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiKey" });
export type KeyInfo = z.infer<typeof KeyInfo>;

export const toInfo = (row: KeyRow): KeyInfo => ({
  id: row.id,
  name: row.name ?? null,
  prefix: row.prefix ?? null,
  last4: row.last4 ?? null,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt ?? null,
  revokedAt: row.revokedAt ?? null,
});
