import ipaddr from "ipaddr.js";

type Net = [ipaddr.IPv6, number];
const net = (cidr: string) => ipaddr.IPv6.parseCIDR(cidr) as Net;

/**
 * IPv6 forms that carry an IPv4 address a router or translator may deliver to, and where that
 * address sits. Such an address is as public as the IPv4 inside it: `64:ff9b::7f00:1` reaches
 * 127.0.0.1 through a NAT64 gateway. Order matters only in that each form is checked before the
 * plain IPv6 range.
 */
const embeddings: { net: Net; ipv4: (bytes: number[]) => number[] }[] = [
  { net: net("::ffff:0:0/96"), ipv4: (b) => b.slice(12) }, // IPv4-mapped
  { net: net("::ffff:0:0:0/96"), ipv4: (b) => b.slice(12) }, // IPv4-translated (RFC 6145)
  { net: net("::/96"), ipv4: (b) => b.slice(12) }, // IPv4-compatible (deprecated); holds :: and ::1 too
  { net: net("64:ff9b::/96"), ipv4: (b) => b.slice(12) }, // NAT64 well-known prefix (RFC 6052)
  { net: net("2002::/16"), ipv4: (b) => b.slice(2, 6) }, // 6to4 (RFC 3056)
  { net: net("2001::/32"), ipv4: (b) => b.slice(12).map((x) => x ^ 0xff) }, // Teredo client, inverted
];

/**
 * NAT64 local-use prefix (RFC 8215): the IPv4 may sit at any of RFC 6052's offsets, chosen by the
 * network's operator, and the prefix is never routed publicly, so nothing in it is a public target.
 */
const localNat64 = net("64:ff9b:1::/48");

/**
 * True only for a globally routable unicast address: not private, loopback, link-local (cloud
 * metadata), carrier-grade NAT, multicast, documentation or otherwise reserved, and, for IPv6,
 * not any of those IPv4 addresses wrapped in an IPv6 form. Ranges come from ipaddr.js.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") return parsed.range() === "unicast";
  const v6 = parsed as ipaddr.IPv6;
  if (v6.match(localNat64)) return false;
  for (const form of embeddings) {
    if (v6.match(form.net)) return isPublicAddress(form.ipv4(v6.toByteArray()).join("."));
  }
  return v6.range() === "unicast";
}
