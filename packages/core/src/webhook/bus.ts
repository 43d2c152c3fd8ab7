import { eventBridge } from "../util/aws";
import { type Outgoing, payload } from "./outgoing";

/**
 * Puts one event on the EventBridge bus: source `hangar`, detail-type the event type, detail the
 * webhook payload plus the tenant and the event id (EventBridge's own `id` is a different one).
 * PutEvents answers 200 even when it rejects an entry, so a rejected entry is thrown here.
 */
export async function putEvent(event: Outgoing, busName: string) {
  const { PutEventsCommand } = await import("@aws-sdk/client-eventbridge");
  const result = await (await eventBridge()).send(
    new PutEventsCommand({
      Entries: [
        {
          Source: "hangar",
          DetailType: event.type,
          Detail: JSON.stringify({ ...payload(event), tenantId: event.tenantId, eventId: event.id }),
          EventBusName: busName,
          Time: new Date(event.at),
        },
      ],
    }),
  );
  if (result.FailedEntryCount) {
    const entry = result.Entries?.[0];
    throw new Error(`EventBridge rejected event ${event.id}: ${entry?.ErrorCode} ${entry?.ErrorMessage}`);
  }
}
