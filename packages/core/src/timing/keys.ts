/**
 * Where the timing domain's items live (store/schema.ts lists every item type). One item per
 * provider × hardware × model-size class × step kind holds that step's recent durations.
 */
export type DurationScope = { provider: string; hardware: string; size: string; kind: string };

export const durationKey = ({ provider, hardware, size, kind }: DurationScope) => ({
  pk: `DUR#${provider}#${hardware}#${size}#${kind}`,
  sk: "DUR" as const,
});
