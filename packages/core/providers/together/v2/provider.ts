import type {
  AdapterStatus,
  Autoscaling,
  CreateEndpointInput,
  EndpointStatus,
  Hardware,
} from "../../../src/provider";
import { ProviderError } from "../../../src/provider/error";
import { BadRequestError, ConflictError, NotFoundError } from "../errors";
import type { TogetherV2Client } from "./client";
import { fits, lookupModel, placementFor } from "./models";
import { leaveSplit, routeIfUnrouted } from "./routing";
import {
  adapterState,
  bareName,
  compositeId,
  namesFor,
  parseId,
  resolveHardware,
  toEndpointStatus,
  toHardware,
} from "./states";
import type { Wire } from "./wire";

const orUndefined = async <T>(call: Promise<T>): Promise<T | undefined> => {
  try {
    return await call;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
};

const STOPPED = "DEPLOYMENT_STATE_STOPPED";
const BOTH_BOUNDS = "autoscaling.minReplicas,autoscaling.maxReplicas";

function ref(id: string) {
  const parsed = parseId(id);
  if (!parsed) throw new Error(`${id} is not a Together v2 endpoint/deployment id`);
  return parsed;
}

/** Core's endpoint operations over Together v2: one Hangar endpoint is one deployment of a v2 endpoint. */
export function togetherV2(api: () => TogetherV2Client) {
  const getDeployment = (id: string) => {
    const { endpointId, deploymentId } = ref(id);
    return orUndefined(api().deployments.get(endpointId, deploymentId));
  };

  /** An autoscaling write with the deployment's etag; a stale etag is re-read and written once more. */
  async function scaleTo(dep: Wire.Deployment, autoscaling: Autoscaling): Promise<Wire.Deployment> {
    const write = (d: Wire.Deployment) =>
      api().deployments.update(d.endpointId, d.id, { autoscaling, etag: d.etag }, BOTH_BOUNDS);
    try {
      return await write(dep);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return write(await api().deployments.get(dep.endpointId, dep.id));
    }
  }

  async function findByName(name: string): Promise<Wire.Endpoint | undefined> {
    const listed = await api().endpoints.list({ filter: `name="${name}"` });
    return listed.find((e) => bareName(e.name) === name);
  }

  async function findOrCreateEndpoint(name: string, sameNameAs?: string): Promise<Wire.Endpoint> {
    const same = sameNameAs && parseId(sameNameAs);
    if (same) {
      const ep = await orUndefined(api().endpoints.get(same.endpointId));
      if (ep) return ep;
    }
    const found = await findByName(name);
    if (found) return found;
    try {
      return await api().endpoints.create({ name });
    } catch (error) {
      // A create that landed while its answer was lost: the name is taken, by us.
      const again = error instanceof ConflictError ? await findByName(name) : undefined;
      if (again) return again;
      throw error;
    }
  }

  async function findDeployment(ep: Wire.Endpoint, name: string) {
    const listed = await api().deployments.list(ep.id, { filter: `name="${name}"` });
    return listed.find((d) => bareName(d.name) === name);
  }

  async function instanceType(hardware: string) {
    const types = await api().hardware();
    const type = resolveHardware(hardware, types);
    if (!type) {
      throw new ProviderError("together", `${hardware} is not a Together v2 instance type`, {
        status: 422,
        code: "hardware_unknown",
        retryable: false,
      });
    }
    return type;
  }

  async function mustGet(id: string) {
    const dep = await getDeployment(id);
    if (!dep) throw new NotFoundError(`Together has no deployment ${id}`, { status: 404, retryable: false });
    return dep;
  }

  async function start(dep: Wire.Deployment, autoscaling: Autoscaling) {
    if (dep.status.state !== STOPPED) return toEndpointStatus(dep);
    const min = Math.max(1, autoscaling.minReplicas);
    const started = await scaleTo(dep, {
      minReplicas: min,
      maxReplicas: Math.max(min, autoscaling.maxReplicas),
    });
    return routed(started);
  }

  /** Routes an endpoint left unrouted (a crash between create and the split write) to this deployment. */
  async function routed(dep: Wire.Deployment) {
    const ep = await api().endpoints.get(dep.endpointId);
    await routeIfUnrouted(api(), ep, dep.id);
    return toEndpointStatus(dep);
  }

  return {
    async findEndpoint(input: { displayName: string; sameNameAs?: string }) {
      const names = namesFor(input.displayName);
      const same = input.sameNameAs && parseId(input.sameNameAs);
      const ep = same
        ? await orUndefined(api().endpoints.get(same.endpointId))
        : await findByName(names.endpoint);
      const dep = ep && (await findDeployment(ep, names.deployment));
      return dep && routed(dep);
    },

    async createEndpoint(input: CreateEndpointInput): Promise<EndpointStatus> {
      const names = namesFor(input.displayName);
      const type = await instanceType(input.hardware);
      const placement = await placementFor(api(), input.model, type);
      const ep = await findOrCreateEndpoint(names.endpoint, input.sameNameAs);
      const body: Wire.CreateDeployment = {
        name: names.deployment,
        model: placement.model,
        ...(placement.config ? { config: placement.config } : {}),
        autoscaling: input.autoscaling,
        ...(input.enableAdapters ? { enableLora: true } : {}),
        ...(input.region
          ? {
              placement: {
                inline: {
                  regions: [input.region.name],
                  constraint: input.region.required ? "ENFORCEMENT_REQUIRED" : "ENFORCEMENT_PREFERRED",
                },
              },
            }
          : {}),
      };
      let dep: Wire.Deployment | undefined;
      try {
        dep = await api().deployments.create(ep.id, body);
      } catch (error) {
        dep = error instanceof ConflictError ? await findDeployment(ep, names.deployment) : undefined;
        if (!dep) throw error;
      }
      // A replacement joins the split only when the deployment it replaces leaves it (deleteEndpoint).
      await routeIfUnrouted(api(), ep, dep.id);
      return toEndpointStatus(dep);
    },

    async getEndpoint(id: string) {
      const dep = await getDeployment(id);
      return dep && toEndpointStatus(dep);
    },

    /**
     * A deployment stopped or stopping takes new bounds only as a start from STOPPED (v2 refuses
     * a restart before): until then the answer is its state, and core asks again.
     */
    async updateEndpoint(id: string, autoscaling: Autoscaling) {
      const dep = await mustGet(id);
      if (dep.autoscaling.maxReplicas === 0 || dep.status.state === STOPPED) return start(dep, autoscaling);
      return toEndpointStatus(await scaleTo(dep, autoscaling));
    },

    /** Start only from STOPPED (v2 refuses it otherwise): a stop still draining is waited out by core. */
    async startEndpoint(id: string, autoscaling: Autoscaling) {
      return start(await mustGet(id), autoscaling);
    },

    async stopEndpoint(id: string) {
      const dep = await mustGet(id);
      if (dep.autoscaling.maxReplicas === 0) return toEndpointStatus(dep);
      return toEndpointStatus(await scaleTo(dep, { minReplicas: 0, maxReplicas: 0 }));
    },

    /**
     * One step of v2's delete order each call, so core's `deleting` phase (delete, then get until
     * gone) drives it: hand traffic to a serving sibling, stop, wait for STOPPED, leave the split,
     * DELETE the deployment, DELETE the endpoint once it has none. Every step reads first, so a
     * repeated call picks up where the last one got.
     */
    async deleteEndpoint(id: string) {
      const { endpointId, deploymentId } = ref(id);
      let ep = await orUndefined(api().endpoints.get(endpointId));
      if (!ep) return;
      const dep = await orUndefined(api().deployments.get(endpointId, deploymentId));
      if (dep) {
        const stopped = dep.status.state === STOPPED || dep.status.state === "DEPLOYMENT_STATE_FAILED";
        ep = await leaveSplit(api(), ep, dep.id, stopped);
        if (!stopped) {
          if (dep.autoscaling.maxReplicas !== 0) await scaleTo(dep, { minReplicas: 0, maxReplicas: 0 });
          return;
        }
        try {
          await api().deployments.delete(endpointId, deploymentId, dep.etag);
        } catch (error) {
          if (error instanceof NotFoundError) return;
          // Still draining or still routed (someone else's write): the next call tries again.
          if (error instanceof ConflictError || error instanceof BadRequestError) return;
          throw error;
        }
        ep = await api().endpoints.get(endpointId);
      }
      // Any deployment still listed, this one included (a delete acknowledged but not done): not yet.
      if (ep.deployments.length > 0) return;
      await orUndefined(api().endpoints.delete(endpointId, ep.etag));
    },

    async hardware(model?: string): Promise<Hardware[]> {
      const types = await api().hardware();
      if (!model) return types.map(toHardware);
      const found = await lookupModel(api(), model);
      if (!found) {
        throw new ProviderError("together", `${model} cannot be deployed on Together v2 dedicated hardware`, {
          status: 404,
          code: "model_not_deployable",
          retryable: false,
        });
      }
      const supported = found.kind === "supported" ? found.supported : undefined;
      const configs = found.kind === "supported" ? [] : found.configs;
      // Configs say nothing of a model without any: every instance type is offered.
      const open = found.kind !== "supported" && !configs.length;
      return types.filter((t) => open || fits(supported, configs, t)).map(toHardware);
    },

    async catalogue() {
      const models = await api().models.supported();
      return models.map((m) => ({
        id: m.name,
        displayName: m.displayName,
        contextLength: m.contextLength ? Number(m.contextLength) : undefined,
        hardware: [...new Set(m.deploymentProfiles.map((p) => `${p.gpuCount}x${p.gpuType}`.toLowerCase()))],
      }));
    },

    chat(input: { endpointName: string; body: Record<string, unknown>; signal?: AbortSignal }) {
      return api().chat({ ...input.body, model: input.endpointName }, { signal: input.signal });
    },

    adapters: adaptersV2(api),
  };
}

const adapterModelOf = async (client: TogetherV2Client, modelName: string) => {
  const own = (await client.models.list()).find(
    (m) =>
      m.id === modelName ||
      `projects/${m.projectId}/models/${m.id}` === modelName ||
      m.name === modelName ||
      bareName(m.name) === bareName(modelName),
  );
  if (!own) {
    throw new ProviderError("together", `Together has no adapter model ${modelName} in this project`, {
      status: 404,
      code: "adapter_not_found",
      retryable: false,
    });
  }
  return own;
};

/**
 * LoRA adapters attached to one deployment (`enableLora`). The adapter's id is its model id (the
 * v2 adapter row has no other); inference addresses `<endpoint string>:<adapter name>`, the form
 * v1 used, which the reference says to accept beside the adapter model's own name.
 */
function adaptersV2(api: () => TogetherV2Client) {
  const status = (a: Wire.Adapter, name: string): AdapterStatus => ({
    id: a.adapterModelId,
    name,
    ...adapterState(a),
  });
  type Ref = { endpointId: string; endpointName: string; adapterId: string };
  return {
    async loadAdapter(input: { endpointId: string; endpointName: string; modelName: string }) {
      const { endpointId, deploymentId } = ref(input.endpointId);
      const model = await adapterModelOf(api(), input.modelName);
      const name = `${input.endpointName}:${bareName(model.name)}`;
      const existing = await orUndefined(api().adapters.get(endpointId, deploymentId, model.id));
      if (existing) return status(existing, name);
      try {
        return status(
          await api().adapters.attach(endpointId, deploymentId, { adapterModelId: model.id }),
          name,
        );
      } catch (error) {
        const again =
          error instanceof ConflictError &&
          (await orUndefined(api().adapters.get(endpointId, deploymentId, model.id)));
        if (again) return status(again, name);
        throw error;
      }
    },

    async getAdapter({ endpointId, endpointName, adapterId }: Ref) {
      const parsed = parseId(endpointId);
      if (!parsed) return undefined;
      const a = await orUndefined(api().adapters.get(parsed.endpointId, parsed.deploymentId, adapterId));
      if (!a) return undefined;
      const model = await orUndefined(adapterModelOf(api(), adapterId));
      return status(a, `${endpointName}:${model ? bareName(model.name) : adapterId}`);
    },

    async unloadAdapter({ endpointId, adapterId }: Ref) {
      const parsed = parseId(endpointId);
      if (!parsed) return;
      const detach = async () => {
        const a = await orUndefined(api().adapters.get(parsed.endpointId, parsed.deploymentId, adapterId));
        if (a)
          await orUndefined(api().adapters.detach(parsed.endpointId, parsed.deploymentId, adapterId, a.etag));
      };
      try {
        await detach();
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        await detach();
      }
    },
  };
}

export { compositeId };
