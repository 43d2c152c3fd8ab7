import { ConflictError } from "../errors";
import type { TogetherV2Client } from "./client";
import type { Wire } from "./wire";

const live = (d: Wire.DeploymentSummary) =>
  d.state !== "DEPLOYMENT_STATE_FAILED" && d.state !== "DEPLOYMENT_STATE_STOPPED";

const serving = (d: Wire.DeploymentSummary) =>
  d.state === "DEPLOYMENT_STATE_READY" || (d.readyReplicas ?? 0) > 0;

/**
 * Writes the endpoint's traffic split with its etag. A stale etag (409) means someone wrote
 * between our read and write: read again, let `next` decide on the fresh endpoint, once.
 */
export async function setSplit(
  client: TogetherV2Client,
  ep: Wire.Endpoint,
  next: (ep: Wire.Endpoint) => Wire.SplitEntry[] | undefined,
): Promise<Wire.Endpoint> {
  const write = (current: Wire.Endpoint) => {
    const split = next(current);
    if (!split) return current;
    return client.endpoints.update(current.id, { trafficSplit: split, etag: current.etag }, "trafficSplit");
  };
  try {
    return await write(ep);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return write(await client.endpoints.get(ep.id));
  }
}

const routed = (ep: Wire.Endpoint) => ep.trafficSplit.filter((s) => s.weight > 0);

/**
 * The server never routes a deployment by itself. An endpoint with nothing routed to a live
 * deployment (new, or its routed deployment deleted) gets this one at full weight; a routed
 * endpoint is left as it is (a replacement joins only when the old one leaves).
 */
export const routeIfUnrouted = (client: TogetherV2Client, ep: Wire.Endpoint, deploymentId: string) =>
  setSplit(client, ep, (current) => {
    const liveIds = new Set(current.deployments.filter(live).map((d) => d.id));
    liveIds.add(deploymentId);
    if (routed(current).some((s) => liveIds.has(s.deploymentId))) return undefined;
    return [{ deploymentId, weight: 1 }];
  });

/**
 * Takes a deployment out of the split. Its traffic goes to the newest other serving deployment
 * when the split would otherwise route nothing (a replacement taking over); with no other
 * deployment serving, it stays routed until it is stopped (the endpoint's last deployment keeps
 * serving while it drains).
 */
export const leaveSplit = (
  client: TogetherV2Client,
  ep: Wire.Endpoint,
  deploymentId: string,
  stopped: boolean,
) =>
  setSplit(client, ep, (current) => {
    if (!current.trafficSplit.some((s) => s.deploymentId === deploymentId)) return undefined;
    const rest = current.trafficSplit.filter((s) => s.deploymentId !== deploymentId);
    if (routed({ ...current, trafficSplit: rest }).length) return rest;
    const successor = current.deployments
      .filter((d) => d.id !== deploymentId && serving(d))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    if (successor) return [...rest, { deploymentId: successor.id, weight: 1 }];
    return stopped ? rest : undefined;
  });
