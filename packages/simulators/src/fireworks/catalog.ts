/** Fireworks' public base models the simulator knows, with the hardware rules its create call enforces. */
export type CatalogModel = {
  id: string;
  modelType: string;
  parameterCount: number;
  contextLength: number;
  /** Accelerators the model runs on; others are refused as `model type X is not supported on Y`. */
  accelerators: readonly string[];
  /** Accelerator memory one replica needs. */
  minMemoryGb: number;
  shapes: readonly { preset: string; acceleratorType: string; acceleratorCount: number; precision: string }[];
};

export const acceleratorTypes = [
  "NVIDIA_A100_80GB",
  "NVIDIA_H100_80GB",
  "AMD_MI300X_192GB",
  "NVIDIA_A10G_24GB",
  "NVIDIA_A100_40GB",
  "NVIDIA_L4_24GB",
  "NVIDIA_H200_141GB",
  "NVIDIA_B200_180GB",
  "AMD_MI325X_256GB",
  "AMD_MI350X_288GB",
  "NVIDIA_B300_288GB",
  "NVIDIA_GB200",
  "NVIDIA_GB300",
] as const;

const big = ["NVIDIA_A100_80GB", "NVIDIA_H100_80GB", "NVIDIA_H200_141GB", "NVIDIA_B200_180GB"];

export const catalog: readonly CatalogModel[] = [
  {
    id: "llama-v3p1-8b-instruct",
    modelType: "llama",
    parameterCount: 8_030_261_248,
    contextLength: 131_072,
    accelerators: [...big, "AMD_MI300X_192GB", "NVIDIA_A10G_24GB", "NVIDIA_L4_24GB", "NVIDIA_A100_40GB"],
    minMemoryGb: 24,
    shapes: [
      { preset: "minimal", acceleratorType: "NVIDIA_A100_80GB", acceleratorCount: 1, precision: "FP16" },
      { preset: "fast", acceleratorType: "NVIDIA_H100_80GB", acceleratorCount: 1, precision: "FP8" },
    ],
  },
  {
    id: "qwen2p5-7b-instruct",
    modelType: "qwen2",
    parameterCount: 7_615_616_512,
    contextLength: 32_768,
    accelerators: big,
    minMemoryGb: 24,
    shapes: [
      { preset: "minimal", acceleratorType: "NVIDIA_H100_80GB", acceleratorCount: 1, precision: "FP8" },
    ],
  },
  {
    id: "llama-v3p1-70b-instruct",
    modelType: "llama",
    parameterCount: 70_553_706_496,
    contextLength: 131_072,
    accelerators: [...big, "AMD_MI300X_192GB"],
    minMemoryGb: 141,
    shapes: [
      { preset: "minimal", acceleratorType: "NVIDIA_H200_141GB", acceleratorCount: 1, precision: "FP8" },
      { preset: "throughput", acceleratorType: "NVIDIA_H100_80GB", acceleratorCount: 4, precision: "FP16" },
    ],
  },
];

export const catalogName = (id: string) => `accounts/fireworks/models/${id}`;

export function catalogModel(name: string): CatalogModel | undefined {
  return catalog.find((m) => catalogName(m.id) === name);
}

export function memoryGb(acceleratorType: string): number {
  if (acceleratorType === "NVIDIA_GB200") return 186;
  if (acceleratorType === "NVIDIA_GB300") return 288;
  return Number(/_(\d+)GB$/.exec(acceleratorType)?.[1] ?? 0);
}

/** Undefined when the pair is fine, else the message of Fireworks' 400 `invalid deployment …`. */
export function hardwareProblem(
  model: CatalogModel,
  acceleratorType: string,
  count: number,
): string | undefined {
  if (!model.accelerators.includes(acceleratorType)) {
    return `invalid deployment: model type ${model.modelType} is not supported on ${acceleratorType}`;
  }
  if (memoryGb(acceleratorType) * count < model.minMemoryGb) {
    const fits = model.accelerators.filter((a) => memoryGb(a) * count >= model.minMemoryGb);
    return `invalid deployment: model type ${model.modelType} with ${count} accelerator(s) requires one of: ${fits.join(", ")}`;
  }
  return undefined;
}

const versionId = (model: CatalogModel, preset: string) =>
  [...`${model.id}-${preset}`].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7).toString(36);

/** Shape versions as `GET …/deploymentShapes/-/versions` lists them; one validated version per shape. */
export function shapeVersions() {
  return catalog.flatMap((model) =>
    model.shapes.map((shape) => {
      const name = `accounts/fireworks/deploymentShapes/${model.id}-${shape.preset}`;
      return {
        name: `${name}/versions/${versionId(model, shape.preset)}`,
        createTime: "2026-01-05T00:00:00Z",
        snapshot: {
          name,
          displayName: `${model.id} ${shape.preset}`,
          baseModel: catalogName(model.id),
          modelType: model.modelType,
          parameterCount: String(model.parameterCount),
          acceleratorType: shape.acceleratorType,
          acceleratorCount: shape.acceleratorCount,
          precision: shape.precision,
          presetType: shape.preset.toUpperCase(),
        },
        validated: true,
        public: true,
        latestValidated: true,
      };
    }),
  );
}
