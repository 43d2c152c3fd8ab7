/** A non-negative number from `process.env[name]`; undefined when unset or empty. */
export function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
}

/**
 * The options every runnable simulator reads from `<PREFIX>_SIM_*`: where to listen, the time
 * scale, and the accepted key (falling back to the provider's own `<PREFIX>_API_KEY`).
 */
export function envOptions(prefix: string, defaultPort: number) {
  return {
    port: envNumber(`${prefix}_SIM_PORT`) ?? defaultPort,
    host: process.env[`${prefix}_SIM_HOST`] ?? "127.0.0.1",
    timeScale: envNumber(`${prefix}_SIM_TIME_SCALE`) ?? 1,
    apiKey: process.env[`${prefix}_SIM_API_KEY`] ?? process.env[`${prefix}_API_KEY`],
  };
}

/** Saves and stops the simulator on Ctrl-C or a TERM, then exits. */
export function closeOnSignal(sim: { close(): Promise<void> }) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void sim.close().then(() => process.exit(0)));
  }
}
