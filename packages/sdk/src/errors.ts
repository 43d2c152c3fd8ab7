/** An error answer from Hangar: its HTTP status, stable code and actionable message. */
export class HangarError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "HangarError";
  }

  /** Hangar's `{error:{code,message}}`, OpenAI's `{error:{code,message,type}}`, or whatever came. */
  static from(status: number, body: unknown): HangarError {
    const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
      ?.error;
    if (error && typeof error.message === "string") {
      const code = typeof error.code === "string" ? error.code : `http.${status}`;
      return new HangarError(status, code, error.message, error.details);
    }
    return new HangarError(status, `http.${status}`, `Hangar answered ${status}.`, body);
  }
}

/** A wait that ended without the state it waited for: failed, deleted, or out of time. */
export class WaitError extends HangarError {
  constructor(
    code: "wait.failed" | "wait.timeout",
    message: string,
    readonly deployment: unknown,
  ) {
    super(0, code, message);
    this.name = "WaitError";
  }
}
