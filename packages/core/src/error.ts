/** What a caller may see. `code` is dotted lowercase and stable; `message` is for humans. */
export type ErrorKind = "input" | "auth" | "not_found" | "conflict" | "unprocessable" | "unavailable";

export class VisibleError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "VisibleError";
  }
}

/** A conditional write lost: someone else already moved the item. Callers reload or acknowledge. */
export class TransitionConflict extends Error {
  constructor(
    readonly id: string,
    readonly expected: string,
    readonly actual?: string,
  ) {
    super(`${id}: expected ${expected}, found ${actual ?? "nothing"}`);
    this.name = "TransitionConflict";
  }
}
