import { isPublicAddress } from "@hangar/core/webhook/address";
import { checkUrl, resolveTarget } from "@hangar/core/webhook/index";
import { beforeEach, describe, expect, it } from "vitest";

const refused: [string, string][] = [
  ["127.0.0.1", "IPv4 loopback"],
  ["10.1.2.3", "IPv4 private"],
  ["172.16.0.1", "IPv4 private"],
  ["192.168.0.10", "IPv4 private"],
  ["169.254.169.254", "cloud metadata (link-local)"],
  ["100.64.0.1", "carrier-grade NAT"],
  ["0.0.0.0", "unspecified"],
  ["198.18.0.1", "benchmarking"],
  ["192.0.2.1", "documentation"],
  ["224.0.0.1", "multicast"],
  ["255.255.255.255", "broadcast"],
  ["::1", "IPv6 loopback"],
  ["::", "IPv6 unspecified"],
  ["fe80::1", "IPv6 link-local"],
  ["fc00::1", "IPv6 unique local"],
  ["fd00:ec2::254", "AWS metadata over IPv6 (unique local)"],
  ["ff02::1", "IPv6 multicast"],
  ["2001:db8::1", "IPv6 documentation"],
  ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
  ["::ffff:7f00:1", "IPv4-mapped loopback, hex form"],
  ["::ffff:a9fe:a9fe", "IPv4-mapped metadata"],
  ["::ffff:0:7f00:1", "IPv4-translated loopback (RFC 6145)"],
  ["::7f00:1", "IPv4-compatible loopback (::127.0.0.1)"],
  ["::a00:1", "IPv4-compatible private (::10.0.0.1)"],
  ["64:ff9b::7f00:1", "NAT64 of loopback"],
  ["64:ff9b::a9fe:a9fe", "NAT64 of the metadata address"],
  ["64:ff9b::c0a8:1", "NAT64 of 192.168.0.1"],
  ["64:ff9b:1::808:808", "NAT64 local-use prefix, any embedded address"],
  ["64:ff9b:1:7f00:1::", "NAT64 local-use prefix, /48 layout"],
  ["2002:7f00:1::1", "6to4 of loopback"],
  ["2002:a9fe:a9fe::1", "6to4 of the metadata address"],
  ["2002:c0a8:1::1", "6to4 of 192.168.0.1"],
  ["2001:0:4136:e378:8000:63bf:80ff:fffe", "Teredo, client 127.0.0.1"],
  ["2001:0:4136:e378:8000:63bf:5601:5601", "Teredo, client 169.254.169.254"],
];

const allowed: [string, string][] = [
  ["8.8.8.8", "public IPv4"],
  ["93.184.215.14", "public IPv4"],
  ["2606:4700::1111", "public IPv6"],
  ["2a00:1450:4001:80b::200e", "public IPv6"],
  ["64:ff9b::808:808", "NAT64 of a public IPv4"],
  ["::ffff:808:808", "IPv4-mapped public IPv4"],
  ["2002:808:808::1", "6to4 of a public IPv4"],
  ["2001:0:4136:e378:8000:63bf:f7f7:f7f7", "Teredo, client 8.8.8.8"],
];

describe("webhook address classification", () => {
  it.each(refused)("refuses %s (%s)", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(allowed)("accepts %s (%s)", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it("refuses text that is not an address", () => {
    expect(isPublicAddress("localhost")).toBe(false);
    expect(isPublicAddress("")).toBe(false);
  });
});

describe("webhook URL guard over embedded IPv4 forms", () => {
  beforeEach(() => {
    delete process.env.HANGAR_WEBHOOK_ALLOW_PRIVATE;
  });

  it.each([
    "http://[64:ff9b::7f00:1]/",
    "http://[64:ff9b::a9fe:a9fe]/",
    "http://[2002:7f00:1::1]/",
    "http://[::127.0.0.1]/",
    "http://[::ffff:169.254.169.254]/latest",
    "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
  ])("refuses the literal URL %s", async (url) => {
    await expect(checkUrl(url)).rejects.toMatchObject({ code: "webhook.url_not_allowed" });
  });

  it("refuses a host whose DNS answer embeds a private IPv4, as a delivery would re-check it", async () => {
    const rebinding = async () => [
      { address: "2606:4700::1111", family: 6 as const },
      { address: "64:ff9b::a9fe:a9fe", family: 6 as const },
    ];
    await expect(resolveTarget("https://hooks.example.com/x", rebinding)).rejects.toMatchObject({
      code: "webhook.url_not_allowed",
    });
  });

  it("returns the vetted addresses of a public host, which the delivery then connects to", async () => {
    const resolver = async () => [{ address: "64:ff9b::808:808", family: 6 as const }];
    const target = await resolveTarget("https://hooks.example.com/x", resolver);
    expect(target.addresses).toEqual([{ address: "64:ff9b::808:808", family: 6 }]);
  });

  it("accepts embedded private forms when the operator allows private targets", async () => {
    process.env.HANGAR_WEBHOOK_ALLOW_PRIVATE = "true";
    await expect(checkUrl("http://[64:ff9b::7f00:1]/")).resolves.toBeInstanceOf(URL);
  });
});
