import { createHmac } from "node:crypto";
import { signedHeaders, signingSecrets } from "@hangar/core/webhook/sign";
import { newSecret } from "@hangar/core/webhook/subscription";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";

/** The spec's HMAC, computed without the library Hangar signs with. */
const hmac = (secret: string, id: string, timestamp: string, body: string) =>
  createHmac("sha256", Buffer.from(secret.replace(/^whsec_/, ""), "base64"))
    .update(`${id}.${timestamp}.${body}`)
    .digest("base64");

const body = JSON.stringify({ type: "deployment.ready", timestamp: "t", sequence: 4, data: {} });
const id = "evt_01jd4k2z5x8q3w6e9r0t1y2u3i";
const at = new Date();

describe("webhook signatures during a secret rotation", () => {
  const current = newSecret();
  const previous = newSecret();
  const later = (hours: number) => new Date(at.getTime() + hours * 3600_000).toISOString();

  it("signs with the new secret first and the old one second while the grace period lasts", () => {
    const secrets = signingSecrets(
      { secret: current, previousSecret: previous, previousSecretExpiresAt: later(24) },
      at,
    );
    expect(secrets).toEqual([current, previous]);
    const headers = signedHeaders(secrets, id, body, at);
    const timestamp = headers["webhook-timestamp"];
    expect(headers["webhook-signature"]).toBe(
      `v1,${hmac(current, id, timestamp, body)} v1,${hmac(previous, id, timestamp, body)}`,
    );
  });

  it("passes a Standard Webhooks verifier holding either secret", () => {
    const headers = signedHeaders([current, previous], id, body, at);
    expect(new Webhook(current).verify(body, headers)).toBeTruthy();
    expect(new Webhook(previous).verify(body, headers)).toBeTruthy();
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow();
  });

  it("drops the old secret once the grace period is over", () => {
    const row = { secret: current, previousSecret: previous, previousSecretExpiresAt: later(-1) };
    const headers = signedHeaders(signingSecrets(row, at), id, body, at);
    expect(headers["webhook-signature"]).toBe(`v1,${hmac(current, id, headers["webhook-timestamp"], body)}`);
  });

  it("puts the event id and a Unix timestamp in the headers", () => {
    const headers = signedHeaders([current], id, body, at);
    expect(headers["webhook-id"]).toBe(id);
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(at.getTime() / 1000)));
  });
});
