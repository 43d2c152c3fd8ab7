import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { Config } from "../config";
import { VisibleError } from "../error";

function refuse(message: string): never {
  throw new VisibleError("unprocessable", "webhook.url_not_allowed", message);
}

export type Address = { address: string; family: 4 | 6 };
export type Resolver = (host: string) => Promise<Address[]>;

const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/**
 * Checks a webhook URL and every address its host resolves to, and returns those addresses:
 * a delivery connects to exactly these (see send.ts), so DNS that changes between the check
 * and the connection (rebinding) cannot steer it elsewhere. Called at registration and again
 * before each delivery.
 */
export async function resolveTarget(raw: string, resolve: Resolver = systemResolver) {
  if (!URL.canParse(raw)) refuse("The webhook URL is not a valid URL.");
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:") refuse("Webhook URLs must use http or https.");
  if (url.username || url.password) refuse("Webhook URLs must not carry credentials.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const literal = isIP(host);
  const addresses: Address[] = literal
    ? [{ address: host, family: literal === 6 ? 6 : 4 }]
    : await resolve(host).catch(() => refuse(`The webhook host ${host} does not resolve.`));
  if (addresses.length === 0) refuse(`The webhook host ${host} does not resolve.`);
  if (!Config.webhookAllowPrivate()) {
    // Its address-range library is loaded here, not at start: most API requests never check a URL.
    const { isPublicAddress } = await import("./address");
    for (const { address } of addresses) {
      if (!isPublicAddress(address)) {
        refuse(`The webhook host ${host} resolves to ${address}, a private or reserved address.`);
      }
    }
  }
  return { url, addresses };
}

export async function checkUrl(raw: string, resolve?: Resolver) {
  return (await resolveTarget(raw, resolve)).url;
}
