import { describe, expect, it } from "vitest";
import { describe as describeError, TogetherError } from "../../packages/core/providers/together/errors";
import {
  adapterState,
  compositeId,
  deploymentState,
  isV2Id,
  namesFor,
  parseId,
  progressOf,
  resolveHardware,
  toEndpointStatus,
  toHardware,
  v2HardwareName,
  withAliases,
} from "../../packages/core/providers/together/v2/states";
import type { Wire } from "../../packages/core/providers/together/v2/wire";

const h100: Wire.InstanceType = {
  id: "it_h100",
  name: "1xnvidia-h100-80gb",
  description: "1x NVIDIA H100 80GB",
  gpuType: "NVIDIA-H100-80GB-HBM3",
  gpuCount: 1,
  gpuMemoryGib: 80,
  priceCentsPerHour: 399,
  regions: [
    { name: "us-central-8", headroom: { relation: "RELATION_GTE", value: 4 } },
    { name: "eu-north-1", headroom: { relation: "RELATION_EQ", value: 0 } },
  ],
};
const h100x2: Wire.InstanceType = { ...h100, id: "it_h100x2", name: "2xnvidia-h100-80gb", gpuCount: 2 };

const deployment = (over: Partial<Wire.Deployment> = {}): Wire.Deployment => ({
  id: "dep_Q7x1",
  name: "acme/hangar-dep-01jd4k2z5x8q3w6e9r0t1y2u3i/hangar-dep-01jd4k2z5x8q3w6e9r0t1y2u3i",
  endpointId: "ep_8Kq2mV",
  model: "projects/p/models/ml_1/revisions/rv_1",
  hardware: "1xnvidia-h100-80gb",
  autoscaling: { minReplicas: 1, maxReplicas: 2 },
  status: { state: "DEPLOYMENT_STATE_READY", message: "All replicas ready", readyReplicas: 1 },
  etag: "d-1",
  ...over,
});

describe("Together v2 ids", () => {
  it("names a deployment by its endpoint and deployment ids, which v1 ids never look like", () => {
    const id = compositeId("ep_8Kq2mV", "dep_Q7x1");
    expect(parseId(id)).toEqual({ endpointId: "ep_8Kq2mV", deploymentId: "dep_Q7x1" });
    expect(isV2Id(id)).toBe(true);
    expect(isV2Id("endpoint-6b1a2c3d-0000-4000-8000-000000000000")).toBe(false);
    expect(parseId("a/b/c")).toBeUndefined();
  });

  it("names the endpoint for the Hangar deployment and each deployment under it for its display name", () => {
    expect(namesFor("hangar-dep_01jd4k2z5x8q3w6e9r0t1y2u3i")).toEqual({
      endpoint: "hangar-dep-01jd4k2z5x8q3w6e9r0t1y2u3i",
      deployment: "hangar-dep-01jd4k2z5x8q3w6e9r0t1y2u3i",
    });
    expect(namesFor("hangar-dep_01jd4k2z5x8q3w6e9r0t1y2u3i-2xnvidia-h100-80gb")).toEqual({
      endpoint: "hangar-dep-01jd4k2z5x8q3w6e9r0t1y2u3i",
      deployment: "hangar-dep-01jd4k2z5x8q3w6e9r0t1y2u3i-2xnvidia-h100-80gb",
    });
  });
});

describe("Together v2 deployment states", () => {
  it("reads provisioning progress from the replica counts v2 moves in order: desired, scheduled, ready", () => {
    const provisioning = (status: Partial<Wire.Deployment["status"]>, desiredReplicas = 2) =>
      progressOf(
        deployment({
          desiredReplicas,
          autoscaling: { minReplicas: 2, maxReplicas: 2 },
          status: { state: "DEPLOYMENT_STATE_PROVISIONING", message: "Scheduling replicas", ...status },
        }),
      );
    expect(provisioning({ scheduledReplicas: 1, readyReplicas: 0 })).toEqual({
      phase: "scheduling",
      fraction: 0,
    });
    expect(provisioning({ scheduledReplicas: 2, readyReplicas: 1 })).toEqual({
      phase: "initializing",
      fraction: 0.5,
    });
    expect(provisioning({ scheduledReplicas: 2, readyReplicas: 2 })).toEqual({ phase: "ready", fraction: 1 });
    expect(progressOf(deployment())).toBeUndefined();
  });

  it("maps each documented state onto core's", () => {
    const up = { minReplicas: 1, maxReplicas: 1 };
    expect(deploymentState("DEPLOYMENT_STATE_PROVISIONING", up)).toBe("pending");
    expect(deploymentState("DEPLOYMENT_STATE_SCALING", up)).toBe("pending");
    expect(deploymentState("DEPLOYMENT_STATE_READY", up, 1)).toBe("running");
    expect(deploymentState("DEPLOYMENT_STATE_STOPPING", up)).toBe("stopping");
    expect(deploymentState("DEPLOYMENT_STATE_STOPPED", up)).toBe("stopped");
    expect(deploymentState("DEPLOYMENT_STATE_FAILED", up)).toBe("failed");
    expect(deploymentState("DEPLOYMENT_STATE_SOMETHING_NEW", up)).toBe("unknown");
  });

  it("reads a drain after a stop as stopping, and a degraded deployment by whether any replica serves", () => {
    expect(deploymentState("DEPLOYMENT_STATE_SCALING", { minReplicas: 0, maxReplicas: 0 })).toBe("stopping");
    expect(deploymentState("DEPLOYMENT_STATE_DEGRADED", { minReplicas: 2, maxReplicas: 2 }, 1)).toBe(
      "running",
    );
    expect(deploymentState("DEPLOYMENT_STATE_DEGRADED", { minReplicas: 1, maxReplicas: 1 }, 0)).toBe(
      "pending",
    );
  });

  it("shows a deployment under its endpoint's inference name, with its live replicas and region", () => {
    const status = toEndpointStatus(
      deployment({
        placement: { inline: { regions: ["us-central-8"], constraint: "ENFORCEMENT_REQUIRED" } },
      }),
    );
    expect(status).toMatchObject({
      id: "ep_8Kq2mV/dep_Q7x1",
      name: "acme/hangar-dep-01jd4k2z5x8q3w6e9r0t1y2u3i",
      state: "running",
      raw: "DEPLOYMENT_STATE_READY",
      hardware: "1xnvidia-h100-80gb",
      autoscaling: { minReplicas: 1, maxReplicas: 2 },
      readyReplicas: 1,
      region: "us-central-8",
      apiVersion: "v2",
    });
  });
});

describe("Together v2 hardware", () => {
  it("prices a replica from cents per hour and tells the headroom per region", () => {
    expect(toHardware(h100)).toEqual({
      id: "1xnvidia-h100-80gb",
      provider: "together",
      gpu: { type: "h100", count: 1, memoryGb: 80 },
      pricePerHour: 3.99,
      priceSource: "provider",
      availability: "available",
      regions: [
        { name: "us-central-8", headroom: 4, atLeast: true },
        { name: "eu-north-1", headroom: 0, atLeast: false },
      ],
    });
    const full = {
      ...h100,
      regions: [{ name: "eu-north-1", headroom: { relation: "RELATION_EQ", value: 0 } }],
    };
    expect(toHardware(full).availability).toBe("insufficient");
  });

  it("spells v1 hardware ids the v2 way and accepts them only when exactly one instance type matches", () => {
    expect(v2HardwareName("1x_nvidia_h100_80gb_sxm")).toBe("1xnvidia-h100-80gb");
    expect(v2HardwareName("2x_nvidia_a100_80gb_pcie")).toBe("2xnvidia-a100-80gb");
    expect(v2HardwareName("1x_nvidia_b300")).toBe("1xnvidia-b300");
    expect(resolveHardware("1x_nvidia_h100_80gb_sxm", [h100, h100x2])?.name).toBe("1xnvidia-h100-80gb");
    expect(resolveHardware("1xnvidia-h100-80gb", [h100])?.id).toBe("it_h100");
    expect(resolveHardware("1x_nvidia_h200_141gb_sxm", [h100])).toBeUndefined();
    const l40s = { ...h100, id: "it_l40s", name: "1xnvidia-l40s-48gb", gpuType: "NVIDIA-L40S" };
    expect(resolveHardware("1x_nvidia_l40s", [h100, l40s])?.name).toBe("1xnvidia-l40s-48gb");
    const twin = { ...h100, id: "it_twin" };
    expect(resolveHardware("1x_nvidia_h100_80gb_sxm", [h100, twin])).toBeUndefined();
  });

  it("lists the v1 ids each v2 instance type also answers to", () => {
    const list = withAliases(
      [toHardware(h100), toHardware(h100x2)],
      ["1x_nvidia_h100_80gb_sxm", "8x_nvidia_b200"],
    );
    expect(list.map((h) => [h.id, h.aliases])).toEqual([
      ["1xnvidia-h100-80gb", ["1x_nvidia_h100_80gb_sxm"]],
      ["2xnvidia-h100-80gb", undefined],
    ]);
  });
});

describe("Together v2 errors", () => {
  it("reads the gRPC-style body into the message and a code name", () => {
    const body = {
      code: 6,
      message: "Already Exists",
      details: [{ "@type": "type.googleapis.com/common.errors.v1.ProblemDetail", status: 409 }],
    };
    expect(describeError(409, body)).toEqual({ message: "Already Exists", code: "already_exists" });
    const error = TogetherError.generate(409, body, new Headers());
    expect(error.constructor.name).toBe("ConflictError");
    expect(error.message).toBe("Already Exists");
  });

  it("still reads v1's error body, which v2 inference also answers with", () => {
    const body = {
      error: { message: "Endpoint is not ready", type: "invalid_request_error", code: "endpoint_not_ready" },
    };
    expect(describeError(400, body)).toEqual({
      message: "Endpoint is not ready",
      code: "endpoint_not_ready",
    });
  });
});

describe("Together v2 adapters", () => {
  it("is running only once every cluster has it ready, and failed if any cluster failed", () => {
    const row = (...states: string[]): Wire.Adapter => ({
      adapterModelId: "ml_Ad01",
      etag: "a-1",
      perCluster: states.map((state) => ({ state })),
    });
    expect(adapterState(row()).state).toBe("pending");
    expect(adapterState(row("ADAPTER_LOAD_STATE_READY", "ADAPTER_LOAD_STATE_LOADING")).state).toBe("pending");
    expect(adapterState(row("ADAPTER_LOAD_STATE_READY", "ADAPTER_LOAD_STATE_READY")).state).toBe("running");
    expect(adapterState(row("ADAPTER_LOAD_STATE_READY", "ADAPTER_LOAD_STATE_FAILED"))).toEqual({
      state: "failed",
      raw: "ADAPTER_LOAD_STATE_FAILED",
    });
  });
});
