/// <reference path="./.sst/platform/config.d.ts" />

export default $config({
  app(input) {
    return {
      name: "hangar",
      home: "aws",
      // The @pulumi/aws that sst 4.17 is built against; unpinned, `sst install` takes the registry's latest.
      providers: { aws: "7.20.0" },
      removal: input?.stage === "production" ? "retain" : "remove",
      protect: input?.stage === "production",
    };
  },
  async run() {
    // SST only allows imports inside run(); these data files are shared with the local stack.
    const { table: schema } = await import("./packages/core/src/store/schema");
    const { queues } = await import("./packages/core/src/queue/settings");
    const { crons } = await import("./packages/core/src/cron/index");
    const { apiFunction } = await import("./packages/core/src/api-function");

    const indexes = Object.entries(schema.indexes);
    const table = new sst.aws.Dynamo("Table", {
      fields: Object.fromEntries(
        [schema.partitionKey, schema.sortKey, ...indexes.flatMap(([, i]) => [i.partitionKey, i.sortKey])].map(
          (field) => [field, "string" as const],
        ),
      ),
      primaryIndex: { hashKey: schema.partitionKey, rangeKey: schema.sortKey },
      globalIndexes: Object.fromEntries(
        indexes.map(([name, i]) => [name, { hashKey: i.partitionKey, rangeKey: i.sortKey }]),
      ),
      ttl: schema.ttl,
    });

    function queue(name: string, settings: (typeof queues)[keyof typeof queues]) {
      // 14 days, the SQS maximum: time to inspect and redrive what failed.
      const dlq = new sst.aws.Queue(`${name}Dlq`, {
        transform: { queue: { messageRetentionSeconds: 14 * 24 * 60 * 60 } },
      });
      const main = new sst.aws.Queue(name, {
        visibilityTimeout: `${settings.visibilityTimeoutSeconds} seconds`,
        dlq: { queue: dlq.arn, retry: settings.maxReceiveCount },
      });
      return { main, dlq };
    }
    const jobs = queue("Jobs", queues.jobs);
    const webhooks = queue("Webhooks", queues.webhooks);

    // Every webhook event is also put here (source "hangar", detail-type the event type), for
    // consumers that subscribe with rules instead of running an HTTP receiver.
    const bus = new sst.aws.Bus("Events");

    // Alarms notify this topic; subscribe to it (chat, pager), or set HANGAR_ALARM_EMAIL when
    // deploying to have it mail you (the address confirms the subscription once).
    const alarms = new sst.aws.SnsTopic("Alarms");
    if (process.env.HANGAR_ALARM_EMAIL)
      new aws.sns.TopicSubscription("AlarmsEmail", {
        topic: alarms.arn,
        protocol: "email",
        endpoint: process.env.HANGAR_ALARM_EMAIL,
      });
    const alarm = (name: string, args: { queue: $util.Output<string>; metric: string; threshold: number }) =>
      new aws.cloudwatch.MetricAlarm(name, {
        namespace: "AWS/SQS",
        metricName: args.metric,
        dimensions: { QueueName: args.queue },
        statistic: "Maximum",
        period: 60,
        evaluationPeriods: 1,
        comparisonOperator: "GreaterThanThreshold",
        threshold: args.threshold,
        treatMissingData: "notBreaching",
        alarmActions: [alarms.arn],
        okActions: [alarms.arn],
      });
    // Anything in a DLQ is work that failed for good: a step that kept failing, a webhook out of retries.
    for (const [name, q] of [
      ["Jobs", jobs],
      ["Webhooks", webhooks],
    ] as const)
      alarm(`${name}DlqNotEmpty`, {
        queue: q.dlq.nodes.queue.name,
        metric: "ApproximateNumberOfMessagesVisible",
        threshold: 0,
      });
    // Steps are due within seconds of being enqueued: a five-minute-old one means workers are stuck or throttled.
    alarm("JobsQueueBacklog", {
      queue: jobs.main.nodes.queue.name,
      metric: "ApproximateAgeOfOldestMessage",
      threshold: 300,
    });

    // Every provider's secrets default to empty, so a stage can run with just the providers it
    // uses; Hangar answers 422 provider.not_configured for a provider whose key is empty.
    const secret = (name: string) => new sst.Secret(name, "");
    const togetherApiKey = secret("TogetherApiKey");
    const fireworksApiKey = secret("FireworksApiKey");
    const fireworksAccountId = secret("FireworksAccountId");

    // Linking grants dynamodb:* on the table and its indexes, sqs:* on each queue (the worker
    // sends to both, the webhook sender changes message visibility) and events:* on the bus.
    const fn = {
      runtime: "nodejs22.x",
      architecture: "arm64",
      memory: "512 MB",
      link: [table, jobs.main, webhooks.main, bus],
      // Code behind an import() (a provider's client, undici, S3, EventBridge) becomes chunks loaded
      // on first use, not at a cold start; bench/bundles.ts builds the same way and checks the sizes.
      nodejs: { splitting: true },
      environment: {
        HANGAR_TABLE: table.name,
        HANGAR_JOBS_QUEUE_URL: jobs.main.url,
        HANGAR_WEBHOOKS_QUEUE_URL: webhooks.main.url,
        HANGAR_EVENT_BUS_NAME: bus.name,
        HANGAR_LOG_LEVEL: process.env.HANGAR_LOG_LEVEL ?? "info",
        TOGETHER_API_KEY: togetherApiKey.value,
        FIREWORKS_API_KEY: fireworksApiKey.value,
        FIREWORKS_ACCOUNT_ID: fireworksAccountId.value,
      },
    } satisfies Partial<sst.aws.FunctionArgs>;

    jobs.main.subscribe(
      {
        ...fn,
        handler: "packages/functions/src/worker.handler",
        timeout: `${queues.jobs.functionTimeoutSeconds} seconds`,
      },
      { batch: { size: queues.jobs.batchSize, partialResponses: true } },
    );
    webhooks.main.subscribe(
      {
        ...fn,
        handler: "packages/functions/src/webhook-sender.handler",
        timeout: `${queues.webhooks.functionTimeoutSeconds} seconds`,
      },
      { batch: { size: queues.webhooks.batchSize, partialResponses: true } },
    );

    // /console serves the console's static build (packages/console/dist), copied beside the
    // handler below; build it here so a deploy never ships a stale or missing console.
    const { execFileSync } = await import("node:child_process");
    execFileSync("npm", ["run", "build", "-w", "@hangar/console"], { stdio: "inherit" });

    // A streaming function URL rather than API Gateway: the chat proxy streams tokens as they
    // come, and long completions are not cut at API Gateway's 30 seconds.
    const api = new sst.aws.Function("Api", {
      ...fn,
      handler: "packages/functions/src/api/handler.handler",
      memory: "1024 MB",
      timeout: `${apiFunction.timeoutSeconds} seconds`,
      url: true,
      streaming: true,
      // /docs serves the API reference's browser bundle from the package, not a CDN; esbuild only
      // bundles imports, so the one file is copied beside the handler (see api/routes/docs.ts).
      copyFiles: [
        { from: "node_modules/@scalar/api-reference/dist/browser/standalone.js", to: "scalar/standalone.js" },
        { from: "packages/console/dist", to: "console" },
      ],
    });

    // One rule per entry of cron/index.ts, named after it (poller → Poller), as the local stack does.
    for (const [name, cron] of Object.entries(crons)) {
      new sst.aws.CronV2(name.charAt(0).toUpperCase() + name.slice(1), {
        schedule: cron.expression,
        function: {
          ...fn,
          handler: `packages/functions/src/${cron.handler}.handler`,
          timeout: "60 seconds",
        },
      });
    }

    return {
      api: api.url,
      table: table.name,
      jobsQueue: jobs.main.url,
      jobsDlq: jobs.dlq.url,
      webhooksQueue: webhooks.main.url,
      webhooksDlq: webhooks.dlq.url,
      eventBus: bus.name,
      alarmTopic: alarms.arn,
    };
  },
});
