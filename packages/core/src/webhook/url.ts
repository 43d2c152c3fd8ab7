import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { VisibleError } from "../error";

/**
 * Where a webhook must never go: private, loopback, link-local (cloud metadata) and reserved
 * ranges. BlockList also matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against the IPv4 rules.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** The operator can allow private targets (the local stack does, for its own demos and tests). */
const allowPrivate = () => process.env.HANGAR_WEBHOOK_ALLOW_PRIVATE === "true";

function refuse(message: string): never {
  throw new VisibleError("unprocessable", "webhook.url_not_allowed", message);
}

/**
 * Checks a webhook URL and every address its host resolves to. Called at registration and
 * again before each delivery, since DNS can change between the two.
 */
export async function checkUrl(raw: string) {
  if (!URL.canParse(raw)) refuse("The webhook URL is not a valid URL.");
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:") refuse("Webhook URLs must use http or https.");
  if (url.username || url.password) refuse("Webhook URLs must not carry credentials.");
  if (allowPrivate()) return url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await lookup(host, { all: true }).catch(() => refuse(`The webhook host ${host} does not resolve.`));
  for (const { address, family } of addresses) {
    if (blocked.check(address, family === 6 ? "ipv6" : "ipv4")) {
      refuse(`The webhook host ${host} resolves to ${address}, a private or reserved address.`);
    }
  }
  return url;
}
