/**
 * Hangar's table of Fireworks on-demand GPU prices, in USD per GPU-hour. Fireworks bills
 * dedicated deployments per GPU-second and publishes no price API (its spec has only a
 * `pricingPlanId` reference), so these are the list prices from fireworks.ai/pricing as Hangar
 * last recorded them. They are not authoritative: check the pricing page and bump the date when
 * they change. An accelerator missing here is not offered by Hangar, since every Hardware entry
 * must carry a price.
 */
export const PRICES_AS_OF = "2026-01-15";

export const pricePerGpuHour: Readonly<Record<string, number>> = {
  NVIDIA_A100_80GB: 2.9,
  NVIDIA_H100_80GB: 4.0,
  NVIDIA_H200_141GB: 6.0,
  NVIDIA_B200_180GB: 9.0,
  AMD_MI300X_192GB: 4.99,
};
