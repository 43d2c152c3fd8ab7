import type { LookupAddress, LookupOptions } from "node:dns";
import { Agent, request } from "undici";
import type { Address } from "./url";

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A DNS lookup that only ever answers with the addresses the URL guard already checked. */
export function pinnedLookup(addresses: Address[]) {
  return (_host: string, options: LookupOptions, callback: LookupCallback) => {
    const allowed = addresses.filter((a) => !options.family || a.family === options.family);
    const first = allowed[0];
    if (!first) {
      callback(Object.assign(new Error("no vetted address for this family"), { code: "ENOTFOUND" }), []);
      return;
    }
    if (options.all) callback(null, allowed);
    else callback(null, first.address, first.family);
  };
}

/**
 * POSTs to `url`, connecting only to `addresses`. The URL's host still names the Host header
 * and the TLS server name, so certificates are checked against the host, not the IP.
 */
export async function post(
  target: { url: URL; addresses: Address[] },
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
) {
  const agent = new Agent({ connect: { lookup: pinnedLookup(target.addresses) }, connections: 1 });
  try {
    const response = await request(target.url, {
      method: "POST",
      body,
      headers,
      dispatcher: agent,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    await response.body.dump();
    return { status: response.statusCode };
  } finally {
    await agent.destroy().catch(() => {});
  }
}
