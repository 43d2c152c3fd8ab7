import * as z from "zod";
import { PriceInfo } from "../hardware/info";
import { providerNames } from "../provider";
import { Schedule } from "./schedule-input";
import { states } from "./states";

export const State = z.enum(states);

export const ModelInfo = z.object({
  source: z.string().meta({ example: "hf://Qwen/Qwen2.5-7B-Instruct" }),
  type: z.enum(["model", "adapter"]),
  baseModel: z.string().optional(),
  baseDeploymentId: z
    .string()
    .optional()
    .meta({ description: "The deployment this adapter is loaded onto." }),
});

export const AutoscalingInfo = z.object({
  minReplicas: z.number().int().min(0),
  maxReplicas: z.number().int().min(1),
});

export const ErrorInfo = z.object({ code: z.string(), message: z.string(), at: z.string() });

/** What the API returns and what webhooks carry. Storage attributes never appear here. */
export const Info = z
  .object({
    id: z.string().meta({ example: "dep_01jd4k2z5x8q3w6e9r0t1y2u3i" }),
    name: z.string(),
    provider: z.enum(providerNames),
    state: State,
    model: ModelInfo,
    hardware: z.string().meta({ description: "The hardware the endpoint runs on; cost is counted on it." }),
    autoscaling: AutoscalingInfo.meta({
      description:
        "The autoscaling the endpoint runs with (as last confirmed by the provider); cost is counted on it.",
    }),
    desired: z
      .object({
        state: z.enum(["running", "stopped", "deleted"]),
        autoscaling: AutoscalingInfo,
        hardware: z.string(),
      })
      .meta({
        description:
          "What was last asked for. Every accepted request changes it at once; Hangar then brings the provider to it (the last request wins).",
      }),
    observed: z
      .object({
        state: z.enum(["pending", "running", "stopping", "stopped", "failed", "unknown"]),
        raw: z.string().meta({ description: "The provider's own state string." }),
        autoscaling: AutoscalingInfo.extend({ maxReplicas: z.number().int().min(0) }).nullable(),
        hardware: z.string().nullable(),
        readyReplicas: z.number().int().nullable().meta({
          description:
            "Replicas serving now as the provider reports them (what it bills); null when it doesn't say.",
        }),
        region: z
          .string()
          .nullable()
          .meta({ description: "Where it runs, where the provider places by region." }),
        at: z.string().meta({ description: "When the provider last reported it." }),
      })
      .nullable()
      .meta({ description: "What the provider last reported of the endpoint; null before it has one." }),
    idleTimeoutMinutes: z.number().int().nullable(),
    price: PriceInfo.nullable().meta({
      description:
        "The hardware's price per replica-hour when the deployment was created. Accrued cost uses it while the hardware stays the same, so history doesn't change when prices do; null when the provider didn't answer in time (cost then uses current prices).",
    }),
    idlePolicy: z.object({
      graceMinutes: z.number().int().nullable(),
      warnBeforeMinutes: z.number().int().nullable(),
      deleteAfterStoppedDays: z.number().int().nullable(),
    }),
    schedule: Schedule.nullable(),
    heldUntil: z
      .string()
      .nullable()
      .meta({ description: "Leases keep the deployment up (no idle or scheduled stop) until then." }),
    nextActions: z
      .array(
        z.object({ action: z.enum(["warn", "stop", "start", "delete"]), at: z.string(), reason: z.string() }),
      )
      .meta({
        description:
          "What Hangar's cost policies will do next, and when (idle warning and stop, schedule, delete after a long stop).",
      }),
    precision: z.string().nullable(),
    scaleToZero: z.object({ afterIdleMinutes: z.number().int() }).nullable(),
    allowAdapters: z.boolean(),
    wakeOnRequest: z.boolean().meta({
      description:
        "A request through Hangar's proxy starts the deployment when stopped (503 `deployment.waking` with Retry-After, or held with `Prefer: wait=N`).",
    }),
    upload: z
      .object({
        bytesDone: z.number().int(),
        bytesTotal: z.number().int(),
        files: z.array(
          z.object({ path: z.string(), size: z.number().int(), sent: z.number().int(), done: z.boolean() }),
        ),
      })
      .nullable()
      .meta({ description: "Progress of an upload Hangar streams itself (providers that take bytes)." }),
    upstream: z
      .object({
        uploadJobId: z.string().nullable(),
        uploadStatus: z.string().nullable(),
        modelName: z.string().nullable(),
        endpointId: z.string().nullable(),
        endpointState: z.string().nullable(),
      })
      .meta({ description: "The provider's own ids and raw state, next to ours." }),
    endpoint: z.object({ name: z.string(), url: z.string() }).nullable().meta({
      description: "Where inference goes: the provider's OpenAI-compatible URL and the model name to send.",
    }),
    apiVersion: z.enum(["v1", "v2"]).nullable().meta({
      description:
        "Together: the API generation the endpoint lives on (v1 is supported until the end of 2026; `POST /v1/deployments/{id}/migrate` moves it to v2). Null for other providers.",
    }),
    migration: z
      .object({
        to: z.enum(["v1", "v2"]),
        startedAt: z.string(),
        deadline: z.string().meta({
          description:
            "If the new endpoint doesn't serve by then, the migration is abandoned: it is deleted and the old one keeps serving.",
        }),
        endpointId: z.string().nullable(),
      })
      .nullable()
      .meta({
        description: "A migration under way: the new endpoint, until it serves and the proxy switches to it.",
      }),
    migratedFrom: z
      .object({
        apiVersion: z.enum(["v1", "v2"]),
        endpointId: z.string(),
        endpointName: z.string(),
        at: z.string().meta({ description: "When the proxy switched to the new endpoint." }),
        deletedAt: z.string().nullable().meta({
          description: "When the old endpoint was deleted, once requests in flight on it had finished.",
        }),
      })
      .nullable()
      .meta({ description: "Where a migrated deployment came from." }),
    region: z.object({ name: z.string(), required: z.boolean() }).nullable().meta({
      description: "The region asked for at create (Together v2); observed.region is where it runs.",
    }),
    lastError: ErrorInfo.nullable(),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })).meta({
      description:
        "What Hangar could not check when it accepted the deployment (e.g. `adapter.base_unknown`: the adapter's base model), so it went ahead without.",
    }),
    stopReason: z.string().nullable(),
    lastActivityAt: z.string().nullable().meta({
      description: "The latest activity of any source (see `activity`): what the idle policy counts from.",
    }),
    activity: z
      .object({
        proxy: z.string().nullable().meta({ description: "Last request through Hangar's proxy." }),
        heartbeat: z.string().nullable().meta({ description: "Last `POST /v1/deployments/{id}/activity`." }),
        provider: z.string().nullable().meta({
          description:
            "Last minute the provider itself measured traffic (Fireworks account metrics), requests sent straight to it included. Null for providers that don't report usage.",
        }),
      })
      .meta({
        description: "Last activity per source; writes are throttled, so each is at most a little behind.",
      }),
    unconfirmed: z
      .object({
        action: z.enum(["stop", "delete"]),
        since: z.string().meta({ description: "When Hangar first asked the provider." }),
        at: z.string().meta({ description: "When Hangar last found it unconfirmed and asked again." }),
        observed: z.string().meta({ description: "What the provider reported then (its own state)." }),
        retries: z.number().int().meta({ description: "How many times Hangar asked again since." }),
      })
      .nullable()
      .meta({
        description:
          "A stop or delete the provider hasn't confirmed (zero replicas; gone) within HANGAR_CONFIRM_STOP_MINUTES: Hangar keeps asking and cost keeps accruing until it is. Null otherwise.",
      }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Deployment" });
export type Info = z.infer<typeof Info>;
