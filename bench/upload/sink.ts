import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A signed-URL stand-in for the benchmark: checks the headers a GCS V4 URL signs and the length,
 * counts bytes and drops them. No hashing here, so the sink costs baseline and mover the same.
 * The expected size travels in the URL: `/upload/<size>/<name>`.
 */
export async function startSink(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const size = Number(new URL(req.url ?? "/", "http://sink").pathname.split("/")[2]);
    const range = `${size},${size}`;
    if (
      req.method !== "PUT" ||
      req.headers["content-type"] !== "application/octet-stream" ||
      req.headers["x-goog-content-length-range"] !== range ||
      req.headers["content-length"] !== String(size)
    ) {
      req.resume();
      res.writeHead(403).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
      return;
    }
    let bytes = 0;
    req.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
    });
    req.on("end", () => res.writeHead(bytes === size ? 200 : 400).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
