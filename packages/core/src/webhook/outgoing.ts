import * as z from "zod";
import { eventTypes, type Payload } from "./catalogue";

/** An event on its way out: a deployment's state change or a notice, in one shape. */
export const Outgoing = z.object({
  id: z.string(),
  tenantId: z.string(),
  type: z.enum(eventTypes),
  at: z.string(),
  sequence: z.number().int().nullable(),
  deploymentId: z.string().optional(),
  data: z.unknown(),
});
export type Outgoing = z.infer<typeof Outgoing>;

/** What a webhook delivery carries, and EventBridge's `detail` around it. */
export function payload(event: Outgoing): Payload {
  return { type: event.type, timestamp: event.at, sequence: event.sequence, data: event.data };
}
