export { FireworksClient, type FireworksClientOptions } from "./client";
export * from "./errors";
export { duration, fieldPaths, parseDuration, updateMask } from "./format";
export { allHardware, gpuMemoryGb, gpuType, hardwareId, parseHardwareId, toHardware } from "./hardware";
export { deploymentIdFor, fireworksModel, resourceId, uploadModelId } from "./ids";
export { PRICES_AS_OF, pricePerGpuHour } from "./prices";
export {
  createFireworksProvider,
  type FireworksProvider,
  type FireworksProviderOptions,
  MIN_SCALE_TO_ZERO_MINUTES,
  precisions,
} from "./provider";
export {
  endpointState,
  rawDeploymentState,
  toAdapterStatus,
  toEndpointStatus,
  toUploadStatus,
  uploadState,
} from "./states";
export type { PushedUpload } from "./uploads";
export { Wire } from "./wire";
