import { monotonicFactory } from "ulid";

const ulid = monotonicFactory();

const prefixes = {
  deployment: "dep",
  event: "evt",
  webhook: "whk",
  delivery: "dlv",
  key: "key",
  tenant: "ten",
  message: "msg",
  lease: "lse",
} as const;

export type IdKind = keyof typeof prefixes;

/** Prefixed ULIDs: they sort by creation time, and the prefix says what a log line is about. */
export function createId(kind: IdKind): string {
  return `${prefixes[kind]}_${ulid().toLowerCase()}`;
}

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${prefixes[kind]}_[0-9a-hjkmnp-tv-z]{26}$`).test(value);
}

/** An id as an error message may quote it: user text, so never more than a line. */
export function shownId(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
