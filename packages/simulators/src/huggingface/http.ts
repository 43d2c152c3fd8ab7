import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { HubFile } from "./files";

export type Headers = Record<string, string | number>;

export function json(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/**
 * The Hub's error shape: `{"error": …}` plus `X-Error-Code` / `X-Error-Message` headers. A HEAD
 * answer has no body, so it says nothing of one: clients read the headers (huggingface_hub does).
 */
export function hubError(res: ServerResponse, status: number, message: string, code?: string): void {
  const headers = { ...(code ? { "x-error-code": code } : {}), "x-error-message": message };
  if (res.req?.method === "HEAD") {
    res.writeHead(status, headers).end();
    return;
  }
  json(res, status, { error: message }, headers);
}

/** A single `bytes=` range, clamped; undefined serves the whole file, null is unsatisfiable. */
export function parseRange(header: string | undefined, size: number): [number, number] | undefined | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return undefined;
  const [, from, to] = match;
  if (!from && !to) return undefined;
  if (!from) return size === 0 ? null : [Math.max(0, size - Number(to)), size];
  const start = Number(from);
  const end = to ? Math.min(Number(to) + 1, size) : size;
  return start < size && start < end ? [start, end] : null;
}

/** Serves a file's bytes (or a range of them) with backpressure; HEAD gets the headers only. */
export async function sendBytes(req: IncomingMessage, res: ServerResponse, file: HubFile, headers: Headers) {
  const range = parseRange(req.headers.range, file.size);
  if (range === null) {
    res.writeHead(416, { "content-range": `bytes */${file.size}`, "content-length": 0 });
    res.end();
    return;
  }
  const [start, end] = range ?? [0, file.size];
  res.writeHead(range ? 206 : 200, {
    "content-type": file.path.endsWith(".json") ? "application/json" : "application/octet-stream",
    "content-length": end - start,
    "accept-ranges": "bytes",
    ...(range ? { "content-range": `bytes ${start}-${end - 1}/${file.size}` } : {}),
    ...headers,
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  await pipeline(Readable.from(file.read(start, end), { objectMode: false }), res).catch(() => {
    // The client went away mid-file; nothing to answer.
  });
}
