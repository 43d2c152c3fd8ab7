import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod";
import { useTenant } from "../actor";
import { tableName } from "../store";
import { dynamo } from "../util/aws";
import { fn } from "../util/fn";
import { IdlePolicyInput } from "./input";

/** A tenant's defaults, applied to deployments created without their own. */
export const Settings = z
  .object({
    idleTimeoutMinutes: z.number().int().min(1).max(43_200).nullable().default(null),
    idlePolicy: IdlePolicyInput.default({}),
  })
  .meta({ id: "TenantSettings" });
export type Settings = z.output<typeof Settings>;

const key = (tenantId: string) => ({ pk: `TEN#${tenantId}`, sk: "SETTINGS" });

export async function read(tenantId: string): Promise<Settings> {
  const result = await dynamo().send(new GetCommand({ TableName: tableName(), Key: key(tenantId) }));
  return Settings.parse(result.Item?.settings ?? {});
}

export function get() {
  return read(useTenant());
}

/** Replaces the defaults as a whole; deployments already created keep what they have. */
export const put = fn(Settings, async (settings) => {
  const tenantId = useTenant();
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...key(tenantId), type: "settings", settings, updatedAt: new Date().toISOString() },
    }),
  );
  return settings;
});
