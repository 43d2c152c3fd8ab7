export {
  backoffDelay,
  defaultRetryPolicy,
  parseRetryAfter,
  type RetryPolicy,
  withRetry,
} from "../../src/provider/retry";
export { TogetherClient, type TogetherClientOptions } from "./client";
export * from "./errors";
export { createTogetherProvider, type TogetherProviderOptions, uploadModelName } from "./provider";
export { PRESIGN_SECONDS, parseSource } from "./source";
export { endpointState, jobState, toEndpointStatus, toHardware, toUploadStatus } from "./states";
export { createTogetherV1Provider } from "./v1";
export { TogetherV2Client, type TogetherV2ClientOptions } from "./v2/client";
export * as V2 from "./v2/states";
export { Wire } from "./wire";
