import { Webhook } from "standardwebhooks";
import type { SubscriptionRow } from "./subscription";

// Apart from rotation (secret.ts), so only the sender bundles the signing library.

/** The secrets that sign a delivery now: the current one first. */
export function signingSecrets(
  row: Pick<SubscriptionRow, "secret" | "previousSecret" | "previousSecretExpiresAt">,
  now = new Date(),
) {
  const previous =
    row.previousSecret && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now.toISOString()
      ? [row.previousSecret]
      : [];
  return [row.secret, ...previous];
}

/** Standard Webhooks headers; several secrets give space-separated `v1,<sig>` entries. */
export function signedHeaders(secrets: string[], eventId: string, body: string, at = new Date()) {
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": secrets.map((s) => new Webhook(s).sign(eventId, at, body)).join(" "),
  };
}
