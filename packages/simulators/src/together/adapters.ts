import type { AdapterListResponse } from "together-ai/resources/endpoints/adapters";
import type { SimEndpoint } from "./endpoints";

/** `<endpoint name>:<adapter model name>`; neither part has a colon of its own. */
export function splitModelId(modelId: string): { endpointName: string; adapter: string } | undefined {
  const colon = modelId.indexOf(":");
  if (colon <= 0 || colon === modelId.length - 1) return undefined;
  return { endpointName: modelId.slice(0, colon), adapter: modelId.slice(colon + 1) };
}

export function adapterView(endpoint: SimEndpoint, adapter: string): AdapterListResponse.Data {
  return { adapter_name: adapter, endpoint_name: endpoint.name, model_id: `${endpoint.name}:${adapter}` };
}
