import type { HubRepoSpec } from "./repo";

const MiB = 1024 * 1024;

const llamaConfig = {
  architectures: ["LlamaForCausalLM"],
  model_type: "llama",
  hidden_size: 256,
  intermediate_size: 688,
  num_attention_heads: 4,
  num_hidden_layers: 2,
  num_key_value_heads: 4,
  max_position_embeddings: 2048,
  rms_norm_eps: 1e-6,
  torch_dtype: "bfloat16",
  vocab_size: 32000,
};

const json = (value: unknown) => ({ content: `${JSON.stringify(value, null, 2)}\n` });

/** Preloaded repos the tests and the README use. The private and gated ones need the simulator's token. */
export const demoRepos: Record<string, HubRepoSpec> = {
  "acme/tiny-llama": {
    files: {
      "README.md": { content: "# tiny-llama\n\nA two-layer Llama for trying Hangar locally.\n" },
      "config.json": json(llamaConfig),
      "generation_config.json": json({ bos_token_id: 1, eos_token_id: 2, max_new_tokens: 256 }),
      "tokenizer.json": json({
        version: "1.0",
        model: { type: "BPE", vocab: { "<s>": 1, "</s>": 2 }, merges: [] },
      }),
      "tokenizer_config.json": json({ bos_token: "<s>", eos_token: "</s>", model_max_length: 2048 }),
      "model.safetensors": { size: 4 * MiB, seed: 1 },
    },
  },
  "acme/tiny-lora": {
    files: {
      "adapter_config.json": json({
        base_model_name_or_path: "acme/tiny-llama",
        peft_type: "LORA",
        task_type: "CAUSAL_LM",
        r: 8,
        lora_alpha: 16,
        lora_dropout: 0.05,
        target_modules: ["q_proj", "v_proj"],
      }),
      "adapter_model.safetensors": { size: 1 * MiB, seed: 2 },
    },
  },
  /** A LoRA for a Together catalog base, and one whose config names no base: for create-time checks. */
  "acme/qwen-lora": {
    files: {
      "adapter_config.json": json({
        base_model_name_or_path: "Qwen/Qwen2.5-7B-Instruct",
        peft_type: "LORA",
        task_type: "CAUSAL_LM",
        r: 8,
        lora_alpha: 16,
        target_modules: ["q_proj", "v_proj"],
      }),
      "adapter_model.safetensors": { size: 1 * MiB, seed: 5 },
    },
  },
  "acme/unlabelled-lora": {
    files: {
      "adapter_config.json": json({ peft_type: "LORA", r: 8, target_modules: ["q_proj", "v_proj"] }),
      "adapter_model.safetensors": { size: 1 * MiB, seed: 6 },
    },
  },
  // Readable like any repo; the Together simulator fails its upload as corrupted, by its name.
  "acme/corrupt-llama": {
    files: { "config.json": json(llamaConfig), "model.safetensors": { size: 1 * MiB, seed: 7 } },
  },
  "acme/private-llama": {
    private: true,
    files: { "config.json": json(llamaConfig), "model.safetensors": { size: 2 * MiB, seed: 3 } },
  },
  "acme/gated-llama": {
    gated: true,
    files: { "config.json": json(llamaConfig), "model.safetensors": { size: 1 * MiB, seed: 4 } },
  },
};
