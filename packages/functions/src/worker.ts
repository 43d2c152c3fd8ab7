import { withActor } from "@hangar/core/actor";
import * as Deployment from "@hangar/core/deployment/index";
import { Job } from "@hangar/core/queue/jobs";
import { log } from "@hangar/core/util/log";
import type { SQSEvent } from "aws-lambda";
import { processBatch } from "./batch";
import { registerProviderClients } from "./providers/clients";

registerProviderClients();

export const handler = (event: SQSEvent) =>
  withActor({ type: "system" }, () =>
    processBatch(event, async (record) => {
      const job = Job.parse(JSON.parse(record.body));
      switch (job.type) {
        case "deployment.step": {
          const result = await Deployment.step(job);
          log.debug("step", { deploymentId: job.deploymentId, result });
        }
      }
    }),
  );
