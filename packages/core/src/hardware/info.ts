import * as z from "zod";

/** The public shape of a price kept with a deployment or quoted in an estimate. */
export const PriceInfo = z
  .object({
    hardware: z.string(),
    pricePerHour: z.number().meta({ description: "USD per replica-hour." }),
    priceSource: z
      .enum(["provider", "table"])
      .meta({ description: "`provider`: the provider's own API. `table`: Hangar's dated price table." }),
    priceAsOf: z
      .string()
      .nullable()
      .meta({ description: "When the provider or the table last set this price." }),
  })
  .meta({ id: "Price" });
