import { Webhook } from "standardwebhooks";
import type { webhooks } from "./generated/schema";

type Body<K extends keyof webhooks> = NonNullable<
  webhooks[K]["post"]["requestBody"]
>["content"]["application/json"];

/** Every event Hangar sends, discriminated by `type`, as the OpenAPI document's webhooks describe them. */
export type WebhookEvent = { [K in keyof webhooks]: Body<K> }[keyof webhooks];
export type WebhookEventType = WebhookEvent["type"];

/**
 * Checks a delivery's Standard Webhooks signature and timestamp (5 minutes of tolerance) and
 * returns the typed event; throws when the signature doesn't match. Pass the raw body as received.
 */
export function verifyWebhook(
  payload: string | Buffer,
  headers: Headers | Record<string, string | string[] | undefined>,
  secret: string,
): WebhookEvent {
  const flat: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(",") : value;
  }
  return new Webhook(secret).verify(payload, flat) as WebhookEvent;
}
