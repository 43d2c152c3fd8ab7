import { routeKey } from "@hangar/simulators/together/http";
import { aggregate, parseGranularity, type RequestRecord } from "@hangar/simulators/together/v2/analytics";
import { boundsProblem, mergeAutoscaling } from "@hangar/simulators/together/v2/autoscaling";
import { matches, parseFilter, type SimEvent } from "@hangar/simulators/together/v2/events";
import {
  type ListFilter,
  matchesFilter,
  parseListFilter,
  parseOrderBy,
} from "@hangar/simulators/together/v2/filter";
import {
  candidateRegions,
  headroom,
  instanceType,
  place,
  priceCentsPerHour,
} from "@hangar/simulators/together/v2/hardware";
import { page } from "@hangar/simulators/together/v2/page";
import { pickDeployment, trafficShares } from "@hangar/simulators/together/v2/split";
import { describe, expect, it } from "vitest";

describe("the v2 simulator's traffic split", () => {
  it("shares traffic by weight times ready replicas", () => {
    const ready: Record<string, number> = { a: 1, b: 1, c: 3 };
    const shares = trafficShares(
      [
        { deploymentId: "a", weight: 3 },
        { deploymentId: "b", weight: 1 },
      ],
      (id) => ready[id] ?? 0,
    );
    expect(Object.fromEntries(shares)).toEqual({ a: 0.75, b: 0.25 });
    const weighted = trafficShares(
      [
        { deploymentId: "a", weight: 1 },
        { deploymentId: "c", weight: 1 },
      ],
      (id) => ready[id] ?? 0,
    );
    expect(Object.fromEntries(weighted)).toEqual({ a: 0.25, c: 0.75 });
  });

  it("gives nobody a share when no weighted deployment has a ready replica", () => {
    const shares = trafficShares(
      [
        { deploymentId: "a", weight: 1 },
        { deploymentId: "b", weight: 0 },
      ],
      (id) => (id === "b" ? 2 : 0),
    );
    expect(Object.fromEntries(shares)).toEqual({ a: 0, b: 0 });
    expect(pickDeployment(shares, 0.5)).toBeUndefined();
  });

  it("draws a deployment in proportion to its share", () => {
    const shares = new Map([
      ["a", 0.75],
      ["z", 0],
      ["b", 0.25],
    ]);
    expect(pickDeployment(shares, 0)).toBe("a");
    expect(pickDeployment(shares, 0.74)).toBe("a");
    expect(pickDeployment(shares, 0.76)).toBe("b");
    expect(pickDeployment(shares, 0.9999)).toBe("b");
  });
});

describe("the v2 simulator's hardware and placement", () => {
  it("names instance types <count>x<accelerator> and prices them per hour like v1 per minute", () => {
    const h100 = instanceType("2x_nvidia_h100_80gb_sxm");
    expect(h100?.name).toBe("2xnvidia-h100-80gb");
    expect(priceCentsPerHour(h100!.hardware)).toBe(672);
    expect(priceCentsPerHour(instanceType("1xnvidia-a100-80gb")!.hardware)).toBe(256.2);
  });

  it("counts headroom in whole replicas of the type's GPU count", () => {
    const type = instanceType("2xnvidia-h100-80gb")!;
    const capacity = { "nvidia-h100-80gb": { "us-east-1": 5 } };
    expect(headroom(type, "us-east-1", capacity, 0)).toBe(2);
    expect(headroom(type, "us-east-1", capacity, 2)).toBe(1);
    expect(headroom(type, "us-east-1", capacity, 6)).toBe(0);
    expect(headroom(type, "eu-north-1", capacity, 0)).toBe(0);
  });

  it("keeps a required placement to its regions and lets a preferred one fall back", () => {
    const offered = ["us-central-8", "us-east-1", "eu-north-1"];
    expect(candidateRegions(offered, undefined)).toEqual(offered);
    expect(
      candidateRegions(offered, { regions: ["eu-north-1"], constraint: "ENFORCEMENT_REQUIRED" }),
    ).toEqual(["eu-north-1"]);
    expect(
      candidateRegions(offered, { regions: ["eu-north-1"], constraint: "ENFORCEMENT_PREFERRED" }),
    ).toEqual(["eu-north-1", "us-central-8", "us-east-1"]);
    expect(candidateRegions(offered, { regions: ["mars-1"], constraint: "ENFORCEMENT_REQUIRED" })).toEqual(
      [],
    );
  });

  it("places replicas where they all fit, else where most fit, and grows only where it already runs", () => {
    const room: Record<string, number> = { a: 1, b: 3, c: 2 };
    const of = (r: string) => room[r] ?? 0;
    expect(place(2, undefined, ["a", "b", "c"], of)).toEqual({ region: "b", count: 2 });
    expect(place(5, undefined, ["a", "b", "c"], of)).toEqual({ region: "b", count: 3 });
    expect(place(2, "a", ["a", "b", "c"], of)).toEqual({ region: "a", count: 1 });
    expect(place(1, undefined, ["d"], of)).toBeUndefined();
    expect(place(0, undefined, ["b"], of)).toBeUndefined();
  });
});

describe("the v2 simulator's request parsing", () => {
  const event = (over: Partial<SimEvent>): SimEvent => ({
    id: "evt_1",
    at: 1_000,
    seq: 0,
    endpointId: "ep_1",
    level: "LEVEL_INFO",
    source: "endpoint-controller",
    sourceKind: "SOURCE_KIND_ENDPOINT",
    type: "endpoint.created",
    ...over,
  });
  const query = (q: Record<string, string[]>) => (name: string) => q[name];

  it("reads comma-joined and repeated list filters, and refuses bad times and levels", () => {
    const filter = parseFilter(
      query({
        types: ["a,b", "c"],
        since: ["1970-01-01T00:00:01Z"],
        sourceKinds: ["SOURCE_KIND_DEPLOYMENT"],
      }),
    );
    expect(filter).toMatchObject({
      types: ["a", "b", "c"],
      since: 1_000,
      sourceKinds: ["SOURCE_KIND_DEPLOYMENT"],
    });
    expect(parseFilter(query({ until: ["soon"] }))).toContain("invalid until");
    expect(parseFilter(query({ minLevel: ["LOUD"] }))).toContain("invalid minLevel");
    expect(parseFilter(query({ sourceKinds: ["SOURCE_KIND_POD"] }))).toContain("invalid sourceKinds");
  });

  it("takes since inclusive, until exclusive, and a minimum level", () => {
    expect(matches(event({ at: 1_000 }), { since: 1_000 })).toBe(true);
    expect(matches(event({ at: 1_000 }), { until: 1_000 })).toBe(false);
    expect(matches(event({ level: "LEVEL_INFO" }), { minLevel: "LEVEL_WARN" })).toBe(false);
    expect(matches(event({ level: "LEVEL_ERROR" }), { minLevel: "LEVEL_WARN" })).toBe(true);
  });

  it("drops the endpoint's own events for deploymentIds unless SOURCE_KIND_ENDPOINT is asked for", () => {
    const own = event({});
    const mine = event({ deploymentId: "dep_1", sourceKind: "SOURCE_KIND_DEPLOYMENT" });
    const other = event({ deploymentId: "dep_2", sourceKind: "SOURCE_KIND_DEPLOYMENT" });
    expect([own, mine, other].filter((e) => matches(e, { deploymentIds: ["dep_1"] }))).toEqual([mine]);
    const both = {
      deploymentIds: ["dep_1"],
      sourceKinds: ["SOURCE_KIND_ENDPOINT" as const, "SOURCE_KIND_DEPLOYMENT" as const],
    };
    expect([own, mine, other].filter((e) => matches(e, both))).toEqual([own, mine]);
  });

  it("pages with an opaque cursor, a default of 50 and a cap of 500", () => {
    const items = Array.from({ length: 620 }, (_, i) => i);
    const first = page(items, undefined, undefined);
    expect(first.data).toHaveLength(50);
    const next = page(items, first.next_cursor ?? "", "1000");
    expect(next.data[0]).toBe(50);
    expect(next.data).toHaveLength(500);
    const last = page(items, next.next_cursor ?? "", "500");
    expect(last.data).toHaveLength(70);
    expect(last.next_cursor).toBeNull();
  });

  it("merges masked autoscaling fields and refuses bounds Together refuses", () => {
    const current = { minReplicas: 1, maxReplicas: 2 };
    expect(
      mergeAutoscaling(current, { minReplicas: 3, maxReplicas: 4 }, ["autoscaling.maxReplicas"]),
    ).toEqual({
      minReplicas: 1,
      maxReplicas: 4,
    });
    expect(mergeAutoscaling(current, { maxReplicas: 5 }, undefined)).toEqual({
      minReplicas: 1,
      maxReplicas: 5,
    });
    expect(boundsProblem({ minReplicas: 0, maxReplicas: 0 })).toBeUndefined();
    expect(boundsProblem({ minReplicas: 0, maxReplicas: 2 })).toContain("minReplicas must be at least 1");
    expect(boundsProblem({ minReplicas: 3, maxReplicas: 2 })).toContain("greater than or equal");
  });

  it("counts v2 routes under one key whatever prefix they came with", () => {
    const key = "PATCH /v2/projects/:projectId/endpoints/:endpointId/deployments/:deploymentId";
    expect(routeKey("patch", "/projects/proj_1/endpoints/ep_1/deployments/dep_1")).toBe(key);
    expect(routeKey("PATCH", "/v1/projects/proj_1/endpoints/ep_1/deployments/dep_1")).toBe(key);
    expect(routeKey("PATCH", "/v2/projects/proj_1/endpoints/ep_1/deployments/dep_1/")).toBe(key);
    expect(routeKey("GET", "/v2/projects/p/models/uploads/job_1/events")).toBe(
      "GET /v2/projects/:projectId/models/uploads/:uploadId/events",
    );
    expect(routeKey("GET", "/v1/projects/p/models/ml_1/revisions")).toBe(
      "GET /v2/projects/:projectId/models/:modelId/revisions",
    );
    expect(routeKey("GET", "/v1/endpoints/endpoint-1")).toBe("GET /v1/endpoints/:id");
  });
});

describe("the v2 simulator's list filters", () => {
  const fields = {
    name: ["blue", "devuser/chat/blue"],
    state: ["DEPLOYMENT_STATE_READY"],
    created_at: 2_000,
  };

  it("matches equality, wildcards, substrings and times, joined by AND, OR and NOT", () => {
    const yes = (f: string) => matchesFilter(parseListFilter(f) as ListFilter, fields);
    expect(yes('name="blue"')).toBe(true);
    expect(yes('name="bl*"')).toBe(true);
    expect(yes("name:lu")).toBe(true);
    expect(yes('name="green"')).toBe(false);
    expect(yes('name="blue" AND state=DEPLOYMENT_STATE_STOPPED')).toBe(false);
    expect(yes('name="green" OR state=DEPLOYMENT_STATE_READY')).toBe(true);
    expect(yes('NOT name="green"')).toBe(true);
    expect(yes('created_at > "1970-01-01T00:00:01Z"')).toBe(true);
    expect(yes('created_at < "1970-01-01T00:00:01Z"')).toBe(false);
  });

  it("refuses what it can't parse, and reads orderBy", () => {
    expect(parseListFilter("name ~ blue")).toBe("invalid");
    expect(parseListFilter("colour=blue")).toBe("invalid");
    expect(parseListFilter(undefined)).toBeUndefined();
    expect(parseOrderBy("updated_at desc")).toEqual({ field: "updatedAt", desc: true });
    expect(parseOrderBy("created_at")).toEqual({ field: "createdAt", desc: false });
    expect(parseOrderBy("name")).toBeUndefined();
  });
});

describe("the v2 simulator's analytics", () => {
  const record = (status: number, latencyMs: number): RequestRecord => ({
    at: 0,
    api: "v2",
    endpointId: "ep_1",
    deploymentId: "dep_1",
    status,
    inputTokens: 10,
    outputTokens: 5,
    ttftMs: 50,
    latencyMs,
  });

  it("reports counts and tokens as int64 strings, nearest-rank percentiles and an error rate in percent", () => {
    const records = [record(200, 100), record(200, 200), record(200, 300), record(400, 0)];
    const group = aggregate(records, 2);
    expect(group.requestMetrics).toMatchObject({
      totalRequests: "4",
      successfulRequests: "3",
      failedRequests: "1",
      requestsPerSecond: 2,
      requestsByStatusCode: { "200": "3", "400": "1" },
    });
    expect(group.tokenMetrics).toMatchObject({ totalInputTokens: "40", totalOutputTokens: "20" });
    expect(group.latencyMetrics).toMatchObject({ latencyP50Ms: 200, latencyP99Ms: 300 });
    expect(group.errorMetrics).toEqual({ errorRate: 25, errorsByType: { "400": "1" } });
  });

  it("reads granularities like 1m, 1h and 1d, defaulting to a day", () => {
    expect(parseGranularity("1m")).toBe(60_000);
    expect(parseGranularity("1h")).toBe(3_600_000);
    expect(parseGranularity(undefined)).toBe(86_400_000);
    expect(parseGranularity("fortnight")).toBeUndefined();
  });
});
