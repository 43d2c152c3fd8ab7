export { MAX_ATTEMPTS, retryDelay, retryDelays } from "./backoff";
export {
  catalogue,
  type EventType,
  eventTypes,
  type NoticeType,
  noticeTypes,
  payloadSchema,
  type StateEventType,
  stateEventTypes,
} from "./catalogue";
export { fanout } from "./fanout";
export { WebhookJob } from "./jobs";
export { DeliveriesInput, DeliveryInfo, deliveries, redeliver } from "./log";
export { type EmitInput, emit } from "./notice";
export { type OutboxItem, publish, sweepOutbox } from "./outbox";
export { RotateInput, rotate } from "./secret";
export { CreateInput, create, list, remove, Subscription, UpdateInput, update } from "./subscription";
export { checkUrl, resolveTarget } from "./url";
