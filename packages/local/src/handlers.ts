import type { SqsHandler } from "./consumer";

export interface Handlers {
  fetch: (request: Request) => Response | Promise<Response>;
  worker: SqsHandler;
  webhookSender: SqsHandler;
  /** Scheduled handlers by the name `schedules` gives them. */
  scheduled: Record<string, () => Promise<void>>;
}

/** Imports the Lambda handlers; call only once the stack's env is set, as they read it. */
export async function loadHandlers(): Promise<Handlers> {
  const [api, worker, webhookSender, poller, idleStopper] = await Promise.all([
    import("@hangar/functions/api/index"),
    import("@hangar/functions/worker"),
    import("@hangar/functions/webhook-sender"),
    import("@hangar/functions/poller"),
    import("@hangar/functions/idle-stopper"),
  ]);
  return {
    fetch: (request) => api.app.fetch(request),
    worker: worker.handler,
    webhookSender: webhookSender.handler,
    scheduled: { poller: poller.handler, "idle-stopper": idleStopper.handler },
  };
}
