const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads until `done` holds, every `everyMs`; fails saying `what`, with the last value read. */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 60_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`${what}; last: ${JSON.stringify(last)}`);
    await pause(everyMs);
    last = await read();
  }
  return last;
}

/**
 * For a simulator driven directly (no stack between): its states last milliseconds on a scaled
 * clock, so it is read every 10 ms, and a state it doesn't reach in seconds never comes.
 */
export const soon = <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000) =>
  until(read, done, "the simulator never got there", timeoutMs, 10);

/** Asks until `check` finds something (anything but undefined or false); fails saying what it waited for. */
export async function found<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(200);
  }
}
