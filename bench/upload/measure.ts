/** Peak RSS while `run` runs, sampled every 100 ms (and at both ends). */
export async function measure<T>(
  run: () => Promise<T>,
): Promise<{ result: T; seconds: number; startRss: number; peakRss: number }> {
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 100);
  const started = performance.now();
  try {
    const result = await run();
    const seconds = (performance.now() - started) / 1000;
    sample();
    return { result, seconds, startRss, peakRss };
  } finally {
    clearInterval(timer);
  }
}

export const MiB = 1024 * 1024;
export const mib = (bytes: number) => (bytes / MiB).toFixed(0);
