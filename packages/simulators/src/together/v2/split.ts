import type { EndpointTrafficSplitEntry } from "together-ai/resources/beta/endpoints/endpoints";

/**
 * Share of live traffic each deployment gets: weight × ready replicas over the sum of those
 * products, 0 for everyone when nothing is routable (reference §3.3).
 */
export function trafficShares(
  split: EndpointTrafficSplitEntry[],
  ready: (deploymentId: string) => number,
): Map<string, number> {
  const capacity = split.map((e) => ({
    id: e.deploymentId,
    c: Math.max(0, e.weight) * ready(e.deploymentId),
  }));
  const total = capacity.reduce((sum, e) => sum + e.c, 0);
  return new Map(capacity.map((e) => [e.id, total > 0 ? e.c / total : 0]));
}

/** A deployment drawn with probability equal to its share; undefined when no share is positive. */
export function pickDeployment(shares: Map<string, number>, random: number): string | undefined {
  let left = random;
  let last: string | undefined;
  for (const [id, share] of shares) {
    if (share <= 0) continue;
    last = id;
    if (left < share) return id;
    left -= share;
  }
  return last;
}
