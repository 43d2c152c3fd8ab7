import { connect, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { app } from "@hangar/functions/api/index";
import { type LocalApi, startApi } from "@hangar/local/api";
import { resolveSettings } from "@hangar/local/settings";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stack } from "../support/stack";

/**
 * The local API server as `npm start` builds it, with its limits taken from the environment
 * variables made small, so a slow client is cut off in about a second instead of minutes.
 */
let api: LocalApi;

beforeAll(async () => {
  const settings = resolveSettings(
    {},
    { HANGAR_HTTP_HEADERS_TIMEOUT_SECONDS: "1", HANGAR_HTTP_REQUEST_TIMEOUT_SECONDS: "1" },
  );
  api = await startApi({ fetch: app.fetch, port: 0, timeouts: settings.httpTimeouts });
});
afterAll(() => api.stop());

/** Opens a raw socket and runs `send` until the server closes it; returns what the server wrote. */
async function until(send: (socket: Socket, closed: () => boolean) => Promise<void>) {
  const { hostname, port } = new URL(api.url);
  const socket = connect(Number(port), hostname);
  let received = "";
  let isClosed = false;
  socket.on("data", (chunk) => {
    received += chunk.toString();
  });
  const closed = new Promise<void>((resolve) =>
    socket.on("close", () => {
      isClosed = true;
      resolve();
    }),
  );
  socket.on("error", () => {});
  await new Promise((resolve) => socket.once("connect", resolve));
  await send(socket, () => isClosed);
  await closed;
  return received;
}

/** One byte every 100 ms, for at most 10 minutes' worth of bytes: the server must end it first. */
async function trickle(socket: Socket, closed: () => boolean, text: string) {
  for (const char of text) {
    if (closed()) return;
    socket.write(char);
    await sleep(100);
  }
}

describe("the local API server", () => {
  it("answers 408 and closes the socket when a request body trickles in", async () => {
    const body = JSON.stringify({ name: "x".repeat(6000) });
    const received = await until(async (socket, closed) => {
      socket.write(
        [
          "POST /v1/deployments HTTP/1.1",
          `Host: ${new URL(api.url).host}`,
          `Authorization: Bearer ${stack.apiKey}`,
          "Content-Type: application/json",
          `Content-Length: ${body.length}`,
          "",
          "",
        ].join("\r\n"),
      );
      await trickle(socket, closed, body);
    });
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("answers 408 and closes the socket when the headers themselves trickle in", async () => {
    const headers = `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ${"y".repeat(6000)}\r\n\r\n`;
    const received = await until((socket, closed) => trickle(socket, closed, headers));
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
  });
});
