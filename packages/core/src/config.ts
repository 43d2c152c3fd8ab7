/**
 * Hangar's settings from its environment, read lazily: importing a module must never need
 * configuration or secrets. Read elsewhere, on purpose: a provider's own credentials and URLs
 * (TOGETHER_*, FIREWORKS_*), by the provider code that calls it; HANGAR_LOG_LEVEL, by util/log.ts,
 * which everything imports; LAMBDA_TASK_ROOT, the Lambda runtime's, by api/routes/docs.ts.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of seconds`);
  return value;
}

function minutes(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of minutes`);
  return value;
}

export const Config = {
  table: () => required("HANGAR_TABLE"),
  jobsQueueUrl: () => required("HANGAR_JOBS_QUEUE_URL"),
  webhooksQueueUrl: () => required("HANGAR_WEBHOOKS_QUEUE_URL"),
  /** Set locally to DynamoDB Local / fauxqs; unset on AWS. */
  dynamoEndpoint: () => process.env.HANGAR_DYNAMODB_ENDPOINT,
  sqsEndpoint: () => process.env.HANGAR_SQS_ENDPOINT,
  eventBridgeEndpoint: () => process.env.HANGAR_EVENTBRIDGE_ENDPOINT,
  /** The EventBridge bus every webhook event is also put on; unset: webhooks only. */
  eventBusName: () => process.env.HANGAR_EVENT_BUS_NAME || undefined,
  region: () => process.env.AWS_REGION ?? "us-east-1",
  /** The API's address as clients reach it (behind a proxy or a custom domain); unset: the request's origin. */
  publicUrl: () => process.env.HANGAR_PUBLIC_URL,
  /** Adaptive backoff between provider checks: starts at min right after an action, doubles to max. */
  checkDelay: () => ({
    min: seconds("HANGAR_CHECK_MIN_SECONDS", 5),
    max: seconds("HANGAR_CHECK_MAX_SECONDS", 60),
    watch: seconds("HANGAR_WATCH_SECONDS", 300),
  }),
  /** After a migration's switch, the old endpoint serves this long before it is deleted (requests in flight). */
  migrationDrainSeconds: () => seconds("HANGAR_MIGRATION_DRAIN_SECONDS", 300),
  /** A migration whose new endpoint doesn't serve within this long is abandoned (the old one keeps serving). */
  migrationTimeoutSeconds: () => seconds("HANGAR_MIGRATION_TIMEOUT_SECONDS", 3600),
  /**
   * A list of an account's endpoints serves the checks of a container for this long, in place of
   * one read per deployment (provider/snapshot.ts).
   */
  listTickSeconds: () => seconds("HANGAR_LIST_TICK_SECONDS", 2),
  /**
   * A stop (or delete) the provider hasn't confirmed this long after Hangar asked is asked again
   * and reported (`deployment.stop_unconfirmed`); for as long after a stop, a provider that
   * reports the endpoint running again means the stop didn't hold. Fractions allowed (tests).
   */
  confirmSeconds: () => minutes("HANGAR_CONFIRM_STOP_MINUTES", 10) * 60,
  /**
   * The Together API generation new deployments use unless a request names one: v2, or v1 for
   * operators who need it until Together retires v1 (end of 2026). The provider reads it too, for
   * the catalogue it shows when nothing names a generation.
   */
  togetherApi: (): "v1" | "v2" => (process.env.HANGAR_TOGETHER_API?.toLowerCase() === "v1" ? "v1" : "v2"),
  /** How long a worker owns one step of a deployment before another may take it over. */
  stepLeaseSeconds: () => seconds("HANGAR_STEP_LEASE_SECONDS", 60),
  /**
   * Webhook retries: after failed attempt n the message stays hidden base × 2^(n-1) seconds
   * (with jitter); the webhook queue's maxReceiveCount bounds the attempts, then its DLQ keeps it.
   */
  webhookRetry: () => ({
    baseSeconds: seconds("HANGAR_WEBHOOK_RETRY_BASE_SECONDS", 30),
    timeoutSeconds: seconds("HANGAR_WEBHOOK_TIMEOUT_SECONDS", 10),
  }),
  /** Activity is written at most this often per deployment, so proxy traffic doesn't become write traffic. */
  activityWriteIntervalSeconds: () => seconds("HANGAR_ACTIVITY_WRITE_INTERVAL_SECONDS", 30),
  /** S3-compatible endpoint for s3:// sources (fauxqs, MinIO); unset on AWS. */
  s3Endpoint: () => process.env.HANGAR_S3_ENDPOINT || undefined,
  /** The Hugging Face Hub (the variable huggingface_hub itself reads, so mirrors work unchanged). */
  hubEndpoint: () => process.env.HF_ENDPOINT || undefined,
  /** Allow webhook targets on private addresses (the local stack does, for its demos and tests). */
  webhookAllowPrivate: () => process.env.HANGAR_WEBHOOK_ALLOW_PRIVATE === "true",
  /** A subscription failing this long is disabled (default 72). */
  webhookDisableAfterHours: (env: Record<string, string | undefined> = process.env) => {
    const raw = env.HANGAR_WEBHOOK_DISABLE_AFTER_HOURS;
    const hours = raw === undefined || raw === "" ? 72 : Number(raw);
    if (!Number.isFinite(hours) || hours <= 0)
      throw new Error("HANGAR_WEBHOOK_DISABLE_AFTER_HOURS must be a positive number of hours");
    return hours;
  },
  /** How long the API trusts a verified key without reading it again: the most a revocation waits. */
  apiKeyCacheSeconds: () => seconds("HANGAR_API_KEY_CACHE_SECONDS", 60),
};
