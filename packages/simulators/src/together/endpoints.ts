import { randomBytes, randomUUID } from "node:crypto";
// Types only: the official SDK's wire shapes are what the simulator answers with.
import type { DedicatedEndpoint, EndpointListResponse } from "together-ai/resources/endpoints";
import { iso, type SimState, type Transition } from "./state";

/** The SDK's states, plus FAILED: undocumented and missing from the SDK, but returned by the live API. */
export type EndpointState = DedicatedEndpoint["state"] | "FAILED";
export type EndpointView = Omit<DedicatedEndpoint, "state"> & { state: EndpointState };
export type EndpointListItem = Omit<EndpointListResponse.Data, "state"> & { state: EndpointState };

export type SimEndpoint = {
  id: string;
  name: string;
  display_name: string;
  model: string;
  hardware: string;
  owner: string;
  state: EndpointState;
  autoscaling: { min_replicas: number; max_replicas: number };
  created: number;
  /** Minutes; 0 or null means never stop on idle. */
  inactive_timeout: number | null;
  lastActivity: number;
  plan: Transition<EndpointState>[];
  deleted: boolean;
  /** Names of the uploaded LoRA adapters bound to it, in the order they were bound. */
  adapters: string[];
};

export type CreateInput = {
  model: string;
  hardware: string;
  autoscaling: { min_replicas: number; max_replicas: number };
  display_name?: string;
  state?: "STARTED" | "STOPPED";
  inactive_timeout?: number | null;
};

function startPlan(state: SimState, from: number): Transition<EndpointState>[] {
  const starting = from + state.step("endpointPendingMs");
  return [
    { state: "STARTING", at: starting },
    { state: "STARTED", at: starting + state.step("endpointStartingMs") },
  ];
}

function stopPlan(state: SimState, from: number): Transition<EndpointState>[] {
  return [{ state: "STOPPED", at: from + state.step("endpointStoppingMs") }];
}

export function createEndpoint(state: SimState, input: CreateInput): SimEndpoint {
  const now = state.now();
  // `<owner>/<model>-<8hex>`; a model the account uploaded is already `<owner>/<name>`, and its
  // owner is not repeated (the name is what clients send as `model` and what answers carry).
  const model = input.model.startsWith(`${state.owner}/`)
    ? input.model.slice(state.owner.length + 1)
    : input.model;
  const name = `${state.owner}/${model}-${randomBytes(4).toString("hex")}`;
  const stopped = input.state === "STOPPED";
  const endpoint: SimEndpoint = {
    id: `endpoint-${randomUUID()}`,
    name,
    display_name: input.display_name ?? name.slice(state.owner.length + 1),
    model: input.model,
    hardware: input.hardware,
    owner: state.owner,
    state: stopped ? "STOPPED" : "PENDING",
    autoscaling: input.autoscaling,
    created: now,
    inactive_timeout:
      input.inactive_timeout === undefined ? state.defaultInactiveTimeout : input.inactive_timeout,
    lastActivity: now,
    plan: stopped ? [] : startPlan(state, now),
    deleted: false,
    adapters: [],
  };
  state.endpoints.set(endpoint.id, endpoint);
  return endpoint;
}

/**
 * Applies due transitions in order. A STARTED endpoint idle for `inactive_timeout` minutes is
 * stopped as of the moment its timeout ran out, not the moment someone looked.
 */
export function advanceEndpoint(state: SimState, endpoint: SimEndpoint): SimEndpoint {
  const now = state.now();
  for (;;) {
    const next = endpoint.plan[0];
    if (next && next.at <= now) {
      endpoint.plan.shift();
      endpoint.state = next.state;
      if (next.state === "STARTED") endpoint.lastActivity = next.at;
      continue;
    }
    const timeout = endpoint.inactive_timeout ?? 0;
    const idleAt = endpoint.lastActivity + timeout * state.step("minuteMs");
    if (endpoint.state === "STARTED" && !next && timeout > 0 && idleAt <= now) {
      endpoint.plan = [{ state: "STOPPING", at: idleAt }, ...stopPlan(state, idleAt)];
      continue;
    }
    return endpoint;
  }
}

/** `PATCH {state}`: asking for the state already reached (or on its way) changes nothing. */
export function requestState(state: SimState, endpoint: SimEndpoint, wanted: "STARTED" | "STOPPED") {
  const now = state.now();
  const target = endpoint.plan.at(-1)?.state ?? endpoint.state;
  if (wanted === "STOPPED" && target !== "STOPPED") {
    endpoint.state = "STOPPING";
    endpoint.plan = stopPlan(state, now);
  }
  if (wanted === "STARTED" && target !== "STARTED") {
    endpoint.state = "PENDING";
    endpoint.plan = startPlan(state, now);
  }
}

export function failEndpoint(endpoint: SimEndpoint, raw: "ERROR" | "FAILED" = "ERROR") {
  endpoint.state = raw;
  endpoint.plan = [];
}

/** Management calls address an endpoint by id only. */
export function liveEndpoint(state: SimState, id: string): SimEndpoint | undefined {
  const endpoint = state.endpoints.get(id);
  return endpoint && !endpoint.deleted ? advanceEndpoint(state, endpoint) : undefined;
}

/** Inference addresses it by name; the id is accepted too, as one of Together's own guides claims. */
export function servingEndpoint(state: SimState, model: string): SimEndpoint | undefined {
  const endpoint = [...state.endpoints.values()].find(
    (e) => !e.deleted && (e.name === model || e.id === model),
  );
  return endpoint && advanceEndpoint(state, endpoint);
}

export function endpointView(endpoint: SimEndpoint): EndpointView {
  return {
    object: "endpoint",
    id: endpoint.id,
    name: endpoint.name,
    display_name: endpoint.display_name,
    model: endpoint.model,
    hardware: endpoint.hardware,
    type: "dedicated",
    owner: endpoint.owner,
    state: endpoint.state,
    autoscaling: endpoint.autoscaling,
    created_at: iso(endpoint.created),
  };
}

/** List items are thinner than the full object: no display_name, hardware or autoscaling. */
export function listView(endpoint: SimEndpoint): EndpointListItem {
  const { display_name: _d, hardware: _h, autoscaling: _a, ...rest } = endpointView(endpoint);
  return rest;
}
