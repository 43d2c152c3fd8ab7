export { checkSource } from "./check";
export {
  isRetryableStatus,
  WeightsError,
  type WeightsErrorCode,
} from "./errors";
export { hubEndpoint } from "./huggingface";
export { nextLink } from "./link";
export { listFiles } from "./list";
export { PROGRESS_STEP, throttleProgress } from "./progress";
export { MAX_JSON_BYTES, readJson } from "./read";
export { sendFile } from "./send";
export { parseWeightsSource, type WeightsSource } from "./source";
export type { SendOptions, Sent, WeightsFile } from "./types";
