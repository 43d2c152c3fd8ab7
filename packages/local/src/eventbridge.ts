import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** An entry PutEvents accepted, as the stand-in keeps it. */
export type ReceivedEvent = {
  eventId: string;
  source: string;
  detailType: string;
  detail: unknown;
  eventBusName: string;
  time: string | null;
};

/**
 * The next `times` entries whose Detail contains `match` fail: `entry` rejects the entry inside
 * a 200 answer (FailedEntryCount > 0, what EventBridge does under throttling), `http` answers
 * 500 to the whole request (the SDK retries that itself before giving up).
 */
export type Failure = { match: string; times: number; mode: "entry" | "http" };

export interface LocalEventBridge {
  endpoint: string;
  stop(): Promise<void>;
}

type Entry = { Source?: string; DetailType?: string; Detail?: string; EventBusName?: string; Time?: number };

/**
 * A stand-in for EventBridge's PutEvents (AWS JSON 1.1: POST / with X-Amz-Target
 * AWSEvents.PutEvents), since no emulator ships on npm. It keeps what it accepted and what it
 * rejected, served at GET /_events; POST /_fail arms a failure (see `Failure`).
 */
export async function startEventBridge(options: { port: number }): Promise<LocalEventBridge> {
  const accepted: ReceivedEvent[] = [];
  const rejected: ReceivedEvent[] = [];
  const failures: Failure[] = [];

  function failureFor(entry: Entry): Failure | undefined {
    const failure = failures.find((f) => f.times > 0 && entry.Detail?.includes(f.match));
    if (failure) failure.times--;
    return failure;
  }

  function putEvents(body: { Entries?: Entry[] }, res: ServerResponse) {
    const entries = body.Entries ?? [];
    if (!entries.length || entries.length > 10)
      return error(res, 400, "ValidationException", "Entries must hold 1 to 10 entries.");
    const results = entries.map((entry) => {
      const event: ReceivedEvent = {
        eventId: randomUUID(),
        source: String(entry.Source),
        detailType: String(entry.DetailType),
        detail: JSON.parse(entry.Detail ?? "null"),
        eventBusName: entry.EventBusName ?? "default",
        time: entry.Time === undefined ? null : new Date(entry.Time * 1000).toISOString(),
      };
      return { event, failure: failureFor(entry) };
    });
    for (const { event, failure } of results) (failure ? rejected : accepted).push(event);
    if (results.some((r) => r.failure?.mode === "http"))
      return error(res, 500, "InternalException", "Injected failure.");
    const answer = results.map(({ event, failure }) =>
      failure
        ? { ErrorCode: "InternalFailure", ErrorMessage: "Injected failure." }
        : { EventId: event.eventId },
    );
    json(res, 200, { Entries: answer, FailedEntryCount: results.filter((r) => r.failure).length });
  }

  const server = createServer(async (req, res) => {
    try {
      const body = await read(req);
      if (req.method === "GET" && req.url === "/_events") return json(res, 200, { accepted, rejected });
      if (req.method === "POST" && req.url === "/_fail") {
        const failure = JSON.parse(body) as Partial<Failure>;
        failures.push({
          match: String(failure.match),
          times: failure.times ?? 1,
          mode: failure.mode ?? "entry",
        });
        return json(res, 200, {});
      }
      if (req.method === "POST" && req.headers["x-amz-target"] === "AWSEvents.PutEvents")
        return putEvents(JSON.parse(body), res);
      error(
        res,
        400,
        "UnknownOperationException",
        `Only PutEvents is served, not ${req.headers["x-amz-target"]}.`,
      );
    } catch (cause) {
      error(res, 400, "SerializationException", (cause as Error).message);
    }
  });
  await new Promise<void>((listening, failed) => {
    server.once("error", failed);
    server.listen(options.port, "127.0.0.1", () => listening());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((done, failed) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => done(Buffer.concat(chunks).toString()));
    req.on("error", failed);
  });
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, type: string, message: string) {
  res.setHeader("x-amzn-errortype", type);
  json(res, status, { __type: type, message });
}
