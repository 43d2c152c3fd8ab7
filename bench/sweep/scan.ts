import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { tableName } from "@hangar/core/store/index";
import { dynamo } from "@hangar/core/util/aws";

/**
 * The baseline: what a sweeper without the sparse index would do to find the same rows, a full
 * Scan filtered on the index attributes. The filter applies after the read, so every item is read.
 * First and last page times are kept: DynamoDB Local reads from the start key to the end of the
 * table for every page, so its pages get cheaper towards the end and a full Scan is quadratic.
 */
export async function naiveDue(pk: "POLICY" | "CHECK", before: string) {
  const [pkName, skName] = pk === "POLICY" ? ["policyPk", "policyAt"] : ["checkPk", "checkAt"];
  let found = 0;
  const pageMs: number[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const started = performance.now();
    const page = await dynamo().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: "#pk = :pk AND #sk <= :before",
        ExpressionAttributeNames: { "#pk": pkName, "#sk": skName },
        ExpressionAttributeValues: { ":pk": pk, ":before": before },
        ProjectionExpression: "id",
        ExclusiveStartKey: start,
      }),
    );
    pageMs.push(performance.now() - started);
    found += page.Items?.length ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return { found, firstPageMs: pageMs[0] ?? 0, lastPageMs: pageMs.at(-1) ?? 0 };
}
