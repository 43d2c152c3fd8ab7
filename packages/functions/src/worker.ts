import { withActor } from "@hangar/core/actor";
import * as Deployment from "@hangar/core/deployment/index";
import { Job } from "@hangar/core/queue/jobs";
import { log } from "@hangar/core/util/log";
import type { SQSEvent } from "aws-lambda";
import { processBatch } from "./batch";
import { lambda } from "./lambda";
import { registerProviderClients } from "./providers/clients";

registerProviderClients();

export const handler = lambda((event: SQSEvent) =>
  withActor({ type: "system" }, () =>
    processBatch(event, async (record) => {
      const job = Job.parse(JSON.parse(record.body));
      switch (job.type) {
        case "deployment.step": {
          await log.withKeys({ deploymentId: job.deploymentId }, async () => {
            const result = await Deployment.step(job);
            log.debug("step", { result });
          });
          return;
        }
        case "provider.activity": {
          const result = await Deployment.readActivity(job);
          log.debug("provider activity", { provider: job.provider, at: job.at, result });
        }
      }
    }),
  ),
);
