export { MAX_ATTEMPTS, retryDelay, retryDelays } from "./backoff";
export {
  catalogue,
  type EventType,
  eventTypes,
  type NoticeType,
  noticeTypes,
  payloadSchema,
} from "./catalogue";
export { DeliveryFailed, deliver } from "./delivery";
export { fanoutNotice, fanoutStateEvent } from "./fanout";
export { SenderJob } from "./jobs";
export { DeliveriesInput, DeliveryInfo, deliveries, redeliver } from "./log";
export { type EmitInput, emit, publishNotice } from "./notice";
export { RotateInput, rotate } from "./secret";
export { CreateInput, create, list, remove, Subscription, UpdateInput, update } from "./subscription";
export { checkUrl, resolveTarget } from "./url";
