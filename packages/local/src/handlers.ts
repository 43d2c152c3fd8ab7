import type { SqsHandler } from "./consumer";

export interface Handlers {
  fetch: (request: Request) => Response | Promise<Response>;
  worker: SqsHandler;
  webhookSender: SqsHandler;
  /** Cron handlers by the name `crons` gives them. */
  scheduled: Record<string, () => Promise<void>>;
}

type ScheduledModule = { handler: () => Promise<unknown> };

/** Imports the Lambda handlers; call only once the stack's env is set, as they read it. */
export async function loadHandlers(): Promise<Handlers> {
  const { crons } = await import("@hangar/core/cron/index");
  const [api, worker, webhookSender] = await Promise.all([
    import("@hangar/functions/api/index"),
    import("@hangar/functions/worker"),
    import("@hangar/functions/webhook-sender"),
  ]);
  // Every cron's handler, by the same file name sst.config.ts gives its rule.
  const scheduled = await Promise.all(
    Object.values(crons).map(async ({ handler }) => {
      const module = (await import(`@hangar/functions/${handler}`)) as ScheduledModule;
      return [handler, async () => void (await module.handler())] as const;
    }),
  );
  return {
    fetch: (request) => api.app.fetch(request),
    worker: worker.handler,
    webhookSender: webhookSender.handler,
    scheduled: Object.fromEntries(scheduled),
  };
}
