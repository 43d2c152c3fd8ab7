import { readdirSync, readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

const MB = 1024 * 1024;

export function machine() {
  const cores = cpus();
  return {
    cores: cores.length,
    cpu: cores[0]?.model.trim() ?? "unknown",
    memoryGb: (totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** Samples this process's RSS; peak also comes from the kernel's own high-water mark. */
export function watchMemory(everyMs = 200) {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, everyMs);
  timer.unref();
  return {
    /** Children (DynamoDB Local's JVM) read while they still run: their VmHWM is lost once they exit. */
    children: () => childPeaks(),
    stop() {
      clearInterval(timer);
      return {
        peakRssMb: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / MB,
        peakHeapMb: peakHeap / MB,
      };
    },
  };
}

/** Linux only: each direct child's name and peak RSS (VmHWM), from /proc. */
function childPeaks(): { name: string; peakRssMb: number }[] {
  try {
    return readdirSync("/proc")
      .filter((entry) => /^\d+$/.test(entry))
      .flatMap((pid) => {
        try {
          const status = readFileSync(`/proc/${pid}/status`, "utf8");
          const field = (name: string) => new RegExp(`^${name}:\\s+(.+)$`, "m").exec(status)?.[1]?.trim();
          if (Number(field("PPid")) !== process.pid) return [];
          const hwm = Number(field("VmHWM")?.replace(/\s*kB$/, ""));
          return Number.isFinite(hwm) ? [{ name: field("Name") ?? pid, peakRssMb: (hwm * 1024) / MB }] : [];
        } catch {
          return [];
        }
      });
  } catch {
    return [];
  }
}
