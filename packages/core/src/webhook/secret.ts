import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod";
import { useTenant } from "../actor";
import { VisibleError } from "../error";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { fn } from "../util/fn";
import { key, mine, newSecret } from "./subscription";

export const RotateInput = z.object({
  graceHours: z
    .number()
    .min(0)
    .max(168)
    .default(24)
    .meta({ description: "How long the old secret keeps signing deliveries next to the new one." }),
});

/**
 * Replaces the signing secret and returns the new one, once. Until the grace period ends
 * every delivery carries both signatures; a second rotation within it retires the oldest.
 */
export const rotate = fn(RotateInput, async (input, id: string) => {
  const row = await mine(id);
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + input.graceHours * 3600_000).toISOString();
  const grace = input.graceHours > 0;
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key(useTenant(), id),
        UpdateExpression: grace
          ? "SET secret = :new, previousSecret = :old, previousSecretExpiresAt = :exp"
          : "SET secret = :new REMOVE previousSecret, previousSecretExpiresAt",
        // Only over the secret we read: two rotations at once must not lose the one in use.
        ConditionExpression: "secret = :old",
        ExpressionAttributeValues: {
          ":new": secret,
          ":old": row.secret,
          ...(grace ? { ":exp": expiresAt } : {}),
        },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error))
      throw new VisibleError(
        "conflict",
        "webhook.rotation_conflict",
        "The secret changed meanwhile; try again.",
      );
    throw error;
  }
  return { id, secret, previousSecretExpiresAt: grace ? expiresAt : null };
});
