import type { ApiVersion, Provider } from "../../src/provider";
import { defaultApiVersion, togetherUrls } from "./facts";
import { parseSource, presignS3 } from "./source";
import { createTogetherV1Provider, type TogetherV1Options, uploadModelName } from "./v1";
import { usage } from "./v2/analytics";
import { TogetherV2Client, type TogetherV2ClientOptions } from "./v2/client";
import { endpointEvents } from "./v2/events";
import { togetherV2 } from "./v2/provider";
import { isV2Id, withAliases } from "./v2/states";
import { isV2UploadJob, resolveBase, v2Uploads } from "./v2/uploads";

export { uploadModelName } from "./v1";

export type TogetherProviderOptions = TogetherV1Options & {
  /** The generation new endpoints are created on; HANGAR_TOGETHER_API (default v2) when absent. */
  apiVersion?: ApiVersion;
  v2?: Partial<TogetherV2ClientOptions>;
};

/** v2 endpoint strings are `<project slug>/hangar-dep-<ulid>`; v1 names end in the model's name and 8 hex. */
const isV2Name = (name: string) => /^[^/]+\/hangar-dep-[0-9a-z]{26}(?:\/[^/]+)?$/.test(name);

/**
 * Together as core sees it: one provider over both API generations. New endpoints go to v2 (or
 * v1 when asked); every later call goes to the generation its id names (v2 ids are
 * `<endpoint>/<deployment>`, v1 ids `endpoint-…`), so a deployment stays where it was created
 * until it is migrated. Uploads go to the deployment's generation; a v2 upload whose base model
 * can't be resolved goes through v1's `/models`, which a project shares with v2.
 */
export function createTogetherProvider(options: TogetherProviderOptions = {}): Provider {
  const { apiVersion, v2: v2Options, ...v1Options } = options;
  const v1 = createTogetherV1Provider(v1Options);
  let client: TogetherV2Client | undefined;
  const api = () => {
    const apiKey = v1Options.apiKey ?? process.env.TOGETHER_API_KEY;
    if (!apiKey) throw new Error("TOGETHER_API_KEY is not set");
    const urls = togetherUrls();
    client ??= new TogetherV2Client({
      apiKey,
      baseUrl: urls.v2,
      identityUrl: v1Options.baseUrl ?? urls.v1,
      inferenceUrl: urls.inference,
      projectId: process.env.TOGETHER_PROJECT_ID || undefined,
      ...defined({ ...v1Options, presign: undefined }),
      ...v2Options,
    } as TogetherV2ClientOptions);
    return client;
  };
  const v2 = togetherV2(api);
  const generation = (asked?: ApiVersion) => asked ?? apiVersion ?? defaultApiVersion();
  const onV2 = (id: string) => isV2Id(id);
  const uploads = v2Uploads(api);
  const presign = v1Options.presign ?? presignS3;
  /** Where v2 fetches from: the Hub repo's URL or a presigned S3 archive; undefined for a catalogue name. */
  const remoteUrl = async (model: Parameters<Provider["startUpload"]>[0]["model"]) => {
    const source = parseSource(model);
    if (source.kind === "huggingface") return `https://huggingface.co/${source.repo}`;
    if (source.kind === "url") return source.url;
    if (source.kind === "s3") return presign(source.bucket, source.key);
    return undefined;
  };

  return {
    ...v1,
    async findUpload(ref) {
      if (generation(ref.apiVersion) === "v1") return v1.findUpload(ref);
      return (await uploads.find(uploadModelName(ref.deploymentId))) ?? v1.findUpload(ref);
    },
    async startUpload(input) {
      if (generation(input.apiVersion) === "v1") return v1.startUpload(input);
      let url: string | undefined;
      try {
        url = await remoteUrl(input.model);
      } catch {}
      const baseModelId = url && (await resolveBase(api(), input.model));
      if (!url || !baseModelId) return v1.startUpload(input);
      return uploads.start({
        name: uploadModelName(input.deploymentId),
        baseModelId,
        model: input.model,
        remoteUrl: url,
        description: `Hangar deployment ${input.deploymentId}`,
      });
    },
    getUpload: (jobId) => (isV2UploadJob(jobId) ? uploads.get(jobId) : v1.getUpload(jobId)),
    async findEndpoint(ref) {
      return generation(ref.apiVersion) === "v2" ? v2.findEndpoint(ref) : v1.findEndpoint(ref);
    },
    async createEndpoint(input) {
      return generation(input.apiVersion) === "v2" ? v2.createEndpoint(input) : v1.createEndpoint(input);
    },
    getEndpoint: (id) => (onV2(id) ? v2.getEndpoint(id) : v1.getEndpoint(id)),
    updateEndpoint: (id, input) =>
      onV2(id) ? v2.updateEndpoint(id, input.autoscaling) : v1.updateEndpoint(id, input),
    startEndpoint: (id, input) =>
      onV2(id) ? v2.startEndpoint(id, input.autoscaling) : v1.startEndpoint(id, input),
    stopEndpoint: (id) => (onV2(id) ? v2.stopEndpoint(id) : v1.stopEndpoint(id)),
    deleteEndpoint: (id) => (onV2(id) ? v2.deleteEndpoint(id) : v1.deleteEndpoint(id)),
    async hardware(input) {
      if (generation(input.apiVersion) === "v1") return v1.hardware(input);
      const [list, v1Ids] = await Promise.all([
        v2.hardware(input.model),
        v1.hardware({}).then(
          (l) => l.map((h) => h.id),
          () => [],
        ),
      ]);
      return withAliases(list, v1Ids);
    },
    catalogue: () => (generation() === "v2" ? v2.catalogue() : v1.catalogue()),
    chat: async (input) => notServing(await (isV2Name(input.endpointName) ? v2.chat(input) : v1.chat(input))),
    loadAdapter: (input) =>
      onV2(input.endpointId) ? v2.adapters.loadAdapter(input) : (v1.loadAdapter?.(input) as never),
    getAdapter: (input) =>
      onV2(input.endpointId) ? v2.adapters.getAdapter(input) : (v1.getAdapter?.(input) as never),
    unloadAdapter: (input) =>
      onV2(input.endpointId) ? v2.adapters.unloadAdapter(input) : (v1.unloadAdapter?.(input) as never),
    // v1 has neither a feed nor analytics: its endpoints answer no events, and usage refuses them.
    events: async (input) => (onV2(input.endpointId) ? endpointEvents(api(), input) : []),
    usage: (input) => usage(api(), input),
  };
}

/** What Together answers (400) for an endpoint that exists but serves nothing right now. */
const NOT_SERVING = new Set([
  "endpoint_not_ready",
  "endpoint_not_configured",
  "dedicated_endpoint_not_running",
]);

/**
 * Together says "not serving" with a 400, which core would read as the caller's mistake: it is
 * passed on as a 409 (the endpoint's state, not the request), body unchanged.
 */
async function notServing(response: Response): Promise<Response> {
  if (response.status !== 400) return response;
  const text = await response.text();
  let code: unknown;
  try {
    code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
  } catch {}
  const status = typeof code === "string" && NOT_SERVING.has(code) ? 409 : 400;
  return new Response(text, { status, headers: response.headers });
}

function defined(options: object) {
  return Object.fromEntries(Object.entries(options).filter(([k, v]) => v !== undefined && k !== "baseUrl"));
}
