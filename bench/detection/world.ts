import type { ProgressPhase } from "@hangar/core/provider/index";
import { probit } from "simple-statistics";

/** A seeded generator (mulberry32), so every run of the bench draws the same provisionings. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const logNormal = (rand: () => number, median: number, sigma: number) =>
  median * Math.exp(sigma * probit(Math.min(1 - 1e-9, Math.max(1e-9, rand()))));

/**
 * Three hardware classes with their own medians, around 5 minutes overall. A provisioning is
 * scheduling, then downloading the weights, then initializing (loading them onto the GPUs), as
 * Fireworks' replicaStats report them; each phase varies on its own.
 */
export const hardwareClasses = [
  { name: "A100 small", median: 180 },
  { name: "H100 medium", median: 300 },
  { name: "H200 large", median: 540 },
] as const;

export type Provisioning = { scheduling: number; downloading: number; initializing: number; ready: number };

export function provisioning(rand: () => number, median: number): Provisioning {
  const scheduling = logNormal(rand, 0.08 * median, 0.6);
  const downloading = logNormal(rand, 0.6 * median, 0.3);
  const initializing = logNormal(rand, 0.3 * median, 0.15);
  return { scheduling, downloading, initializing, ready: scheduling + downloading + initializing };
}

/** What a provider read at `t` seconds reports. */
export function phaseAt(p: Provisioning, t: number): ProgressPhase {
  if (t >= p.ready) return "ready";
  if (t >= p.scheduling + p.downloading) return "initializing";
  return t >= p.scheduling ? "downloading" : "scheduling";
}
