/** What a caller may see. `code` is dotted lowercase and stable; `message` is for humans. */
export type ErrorKind =
  | "input"
  | "auth"
  | "not_found"
  | "conflict"
  | "unprocessable"
  | "unavailable"
  | "retry_later";

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

/** Not yet, but soon: the caller should retry after `retryAfterSeconds` (a deployment waking). */
export class RetryLater extends VisibleError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
    details?: unknown,
  ) {
    super("retry_later", code, message, details);
    this.name = "RetryLater";
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
