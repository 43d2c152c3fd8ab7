import { Config } from "../../config";
import { snapshot } from "../../hardware/price";
import type { Provider } from "../../provider";
import { apiVersionOf, type Desired, desiredOf, type Row } from "../row";
import { holding, runsAgain } from "./confirm";
import { drainDue, migrating, retire as retireMigrated } from "./migrate";
import {
  displayName,
  endpointFields,
  fail,
  failed,
  findEarlier,
  look,
  missing,
  type Phase,
  type Step,
  sameScale,
  settled,
  wait,
} from "./shared";
import { stopDidNotHold } from "./stop";

async function findOrCreate(row: Row, p: Provider, hardware = row.hardware, autoscaling = row.autoscaling) {
  const replacing = hardware !== row.hardware;
  const name = displayName(row, replacing ? hardware : undefined);
  const model = row.modelName as string;
  const apiVersion = apiVersionOf(row);
  // A replacement keeps the inference name where the provider can (Together v2: same endpoint).
  const sameNameAs = replacing ? row.endpointId : undefined;
  // Whatever an earlier attempt created, it created after this state began.
  const found = await p.findEndpoint({
    displayName: name,
    model,
    since: row.stateChangedAt,
    apiVersion,
    sameNameAs,
  });
  if (found) return found;
  return p.createEndpoint({
    deploymentId: row.id,
    apiVersion,
    region: row.region,
    sameNameAs,
    displayName: name,
    model,
    hardware,
    autoscaling,
    // The provider's own inactivity stop is a backstop behind Hangar's; without an idle timeout, off.
    inactiveTimeoutMinutes: row.idleTimeoutMinutes ? row.idleTimeoutMinutes + 10 : 0,
    precision: row.precision,
    scaleToZeroMinutes: row.scaleToZeroMinutes,
    enableAdapters: row.allowAdapters,
  });
}

/**
 * provisioning and starting: create (once) or start the endpoint with the desired autoscaling,
 * then wait until it serves it. A stop still under way (a start asked for while stopping) is
 * waited out first. Ready records the autoscaling the provider runs, which cost counts.
 */
export const bringUp: Phase = async (row, p) => {
  const want = desiredOf(row);
  if (!row.endpointId) {
    return wait(row, endpointFields(await findOrCreate(row, p, row.hardware, want.autoscaling)));
  }
  const ep = await look(p, row.endpointId, (listed) => listed.state === "pending");
  if (!ep) return missing(p, row.endpointId);
  if (ep.state === "failed") return failed(p, ep, row);
  if (ep.state === "stopped") {
    return wait(row, endpointFields(await p.startEndpoint(ep.id, { autoscaling: want.autoscaling })));
  }
  if (ep.state !== "running") return wait(row, endpointFields(ep, row.observed));
  if (ep.autoscaling && !sameScale(ep.autoscaling, want.autoscaling)) {
    return wait(row, endpointFields(await p.updateEndpoint(ep.id, { autoscaling: want.autoscaling })));
  }
  return {
    to: "ready",
    set: { ...endpointFields(ep), autoscaling: ep.autoscaling ?? want.autoscaling },
    remove: [...settled],
    // Hardware asked for meanwhile: the ready check moves it to updating at once.
    nextCheckSeconds: want.hardware === row.hardware ? undefined : 0,
  };
};

/** updating: bring the endpoint to the desired spec, whichever request asked for it last. */
export const updating: Phase = (row, p) => {
  const want = desiredOf(row);
  return want.hardware !== row.hardware ? replaceHardware(row, p, want) : scale(row, p, want);
};

async function scale(row: Row, p: Provider, want: Desired): Promise<Step> {
  // The hardware change was taken back: the endpoint started for it goes.
  if (row.replacementId) {
    await p.deleteEndpoint(row.replacementId);
    return { remove: ["replacementId"], nextCheckSeconds: 0 };
  }
  const ep = await p.getEndpoint(row.endpointId as string);
  if (!ep) return missing(p, row.endpointId as string);
  if (ep.autoscaling && !sameScale(ep.autoscaling, want.autoscaling)) {
    return wait(row, endpointFields(await p.updateEndpoint(ep.id, { autoscaling: want.autoscaling })));
  }
  if (ep.state === "failed") return failed(p, ep, row);
  // Stopped under a running deployment (a late stop): started again, as the desired side says.
  if (ep.state === "stopped") {
    return wait(row, endpointFields(await p.startEndpoint(ep.id, { autoscaling: want.autoscaling })));
  }
  if (ep.state !== "running") return wait(row, endpointFields(ep));
  return {
    to: "ready",
    set: { ...endpointFields(ep), autoscaling: ep.autoscaling ?? want.autoscaling },
    remove: [...settled],
  };
}

/**
 * Hardware can't change in place: a new endpoint is started beside the old one, and the old
 * one is deleted only once the new one serves. If the new one fails, the old one stays. Where
 * the provider keeps the name (Together v2: a second deployment under the same endpoint), the
 * first delete call moves the traffic to the new one while the old one drains; the rest of the
 * old one's delete runs in the background (`retiringId`, driven by `watch`).
 */
async function replaceHardware(row: Row, p: Provider, want: Desired): Promise<Step> {
  const { hardware, autoscaling } = want;
  if (!row.replacementId)
    return wait(row, { replacementId: (await findOrCreate(row, p, hardware, autoscaling)).id });
  const ep = await p.getEndpoint(row.replacementId);
  if (ep?.hardware && ep.hardware !== hardware) {
    // A later request asked for other hardware: this replacement is not it.
    await p.deleteEndpoint(ep.id);
    return { remove: ["replacementId"], nextCheckSeconds: 0 };
  }
  if (!ep || ep.state === "failed") {
    if (ep) await p.deleteEndpoint(ep.id);
    const message = `The hardware change to ${hardware} failed at ${p.name} (${ep?.raw ?? "endpoint missing"}); the deployment keeps ${row.hardware}.`;
    return {
      to: "ready",
      reason: "update.failed",
      message,
      set: {
        lastError: { code: "update.failed", message, at: new Date().toISOString() },
        desired: { ...want, hardware: row.hardware },
      },
      remove: ["replacementId"],
    };
  }
  if (ep.state !== "running") return wait(row);
  if (ep.autoscaling && !sameScale(ep.autoscaling, autoscaling)) {
    await p.updateEndpoint(ep.id, { autoscaling });
    return wait(row);
  }
  if (row.endpointId) await p.deleteEndpoint(row.endpointId);
  // Time on the new hardware is billed at its price, kept from now on like a new deployment's.
  const price = (await snapshot(p.name, hardware, undefined, apiVersionOf(row))) ?? undefined;
  return {
    to: "ready",
    set: {
      ...endpointFields(ep),
      hardware,
      autoscaling: ep.autoscaling ?? autoscaling,
      price,
      ...(row.endpointId ? { retiringId: row.endpointId } : {}),
    },
    remove: ["replacementId", ...settled],
    nextCheckSeconds: row.endpointId ? Config.checkDelay().min : undefined,
  };
}

/** Settled deployments: notice what the provider did on its own. */
export const watch: Phase = async (row, p) => {
  if (row.state === "ready" && row.migration) return migrating(row, p);
  if (row.retiringId) return retire(row, row.retiringId, p);
  const retired = await retireMigrated(row, p);
  if (retired) return retired;
  if (!row.endpointId) return row.state === "stopped" ? lateCreate(row, p) : {};
  const ep = await p.getEndpoint(row.endpointId);
  if (!ep) {
    if (row.state === "stopped") {
      const reason = p.capabilities.deletesStoppedAfterDays
        ? `provider: ${p.name} deleted the endpoint after ${p.capabilities.deletesStoppedAfterDays} days at zero replicas without traffic`
        : `provider: the endpoint was deleted at ${p.name} outside Hangar`;
      return { to: "deleted", reason, message: reason, set: { stopReason: reason } };
    }
    return fail(
      "endpoint.missing",
      `The endpoint ${row.endpointId} was deleted at ${p.name} outside Hangar.`,
    );
  }
  if (row.state === "ready" && (ep.state === "stopped" || ep.state === "stopping") && lateAction(row)) {
    return {
      to: "updating",
      reason: "converge: a stop asked for earlier reached the provider after the later start",
      set: endpointFields(ep),
      nextCheckSeconds: 0,
    };
  }
  if (row.state === "ready" && ep.state === "stopped") {
    const reason = `provider: ${p.name} stopped the endpoint (its inactivity timeout, or a stop outside Hangar)`;
    return { to: "stopped", reason, set: { ...endpointFields(ep), stopReason: reason } };
  }
  if (row.state === "stopped" && runsAgain(ep)) {
    // Soon after the stop (a start or scale from a replaced step that landed late, or a stop
    // that didn't hold): the stop stands, and is made again. Later: a start outside Hangar.
    if (lateAction(row) || holding(row)) return stopDidNotHold(row, p, ep);
    return {
      to: "starting",
      reason: `provider: started at ${p.name} outside Hangar`,
      set: endpointFields(ep),
    };
  }
  if (ep.state === "failed") return failed(p, ep, row);
  const want = desiredOf(row);
  if (
    row.state === "ready" &&
    (want.hardware !== row.hardware || !sameScale(row.autoscaling, want.autoscaling))
  ) {
    return { to: "updating", reason: "converge", set: endpointFields(ep), nextCheckSeconds: 0 };
  }
  const drain = drainDue(row);
  const pace = holding(row) ? Config.checkDelay().max : undefined;
  return {
    set: endpointFields(ep),
    nextCheckSeconds: drain === undefined ? pace : Math.min(drain, pace ?? Config.checkDelay().watch),
  };
};

/**
 * A step of a replaced chain may still be inside its provider call (its commit will be
 * refused, but the call itself can land). A change seen this soon after the deployment settled
 * is that call, not the provider's own decision, so it is undone toward the desired side: a
 * late stop under a ready deployment is started again (updating), a late start under a
 * stopped one is stopped again. The stale step asks for this look as soon as it ends (step.ts).
 */
function lateAction(row: Row) {
  return Date.now() - Date.parse(row.stateChangedAt) < 2 * Config.stepLeaseSeconds() * 1000;
}

/** Stopped before the endpoint was recorded: a replaced provisioning step may still create it. */
async function lateCreate(row: Row, p: Provider): Promise<Step> {
  const ep = lateAction(row) ? await findEarlier(row, p) : undefined;
  if (!ep) return {};
  if (ep.state === "running" || ep.state === "pending") {
    return soon(row, endpointFields(await p.stopEndpoint(ep.id)));
  }
  return { set: endpointFields(ep) };
}

/** The endpoint a hardware change replaced: one more delete step each look, until the provider forgets it. */
async function retire(row: Row, id: string, p: Provider): Promise<Step> {
  await p.deleteEndpoint(id);
  if (await p.getEndpoint(id)) return soon(row, {});
  return { remove: ["retiringId"], nextCheckSeconds: 0 };
}

/** Acted from a settled state: look again as soon as in flight, not at the settled pace. */
const soon = (row: Row, set: Partial<Row>): Step => ({
  ...wait(row, set),
  nextCheckSeconds: Config.checkDelay().min,
});
