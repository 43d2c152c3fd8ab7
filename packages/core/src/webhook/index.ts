export { DeliveryFailed, deliver, fanout, retryDelay } from "./delivery";
export { CreateInput, create, list, remove, Subscription } from "./subscription";
export { checkUrl } from "./url";
