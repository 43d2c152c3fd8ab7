import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { VisibleError } from "../error";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import * as Webhook from "../webhook";
import { key } from "./keys";

/**
 * The deployment's next sequence number: `ADD version 1` on its row. Every other writer of the
 * row is guarded by the version it read (workers re-apply their change on a fresh row), so no
 * two events of a deployment share a number.
 */
export async function nextSequence(tenantId: string, deploymentId: string): Promise<number> {
  try {
    const result = await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key(deploymentId),
        UpdateExpression: "ADD version :one",
        ConditionExpression: "attribute_exists(pk) AND tenantId = :tenant",
        ExpressionAttributeValues: { ":one": 1, ":tenant": tenantId },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    return Number(result.Attributes?.version);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    throw new VisibleError("not_found", "deployment.not_found", `No deployment ${deploymentId}.`);
  }
}

/** Emits a notice about a deployment, numbered in the deployment's own event sequence. */
export function emitNotice(input: Webhook.EmitInput & { deploymentId: string }) {
  return Webhook.emit(input, () => nextSequence(input.tenantId, input.deploymentId));
}
