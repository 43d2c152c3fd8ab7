import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { z } from "zod";
import { toMicros } from "../cost/money";
import { VisibleError } from "../error";
import { isConditionFailure, pages, table, tableName } from "../store";
import { dynamo } from "../util/aws";
import type { BudgetInput, BudgetRow } from "./info";

export type Scope = { tenantId: string; deploymentId?: string };

export const budgetKey = (s: Scope) => ({
  pk: s.deploymentId ? `DEP#${s.deploymentId}` : `TEN#${s.tenantId}`,
  sk: "BUDGET" as const,
});

export async function load(scope: Scope): Promise<BudgetRow | undefined> {
  const found = await dynamo().send(
    new GetCommand({ TableName: tableName(), Key: budgetKey(scope), ConsistentRead: true }),
  );
  return found.Item as BudgetRow | undefined;
}

/**
 * Creates or replaces a budget, guarded by the version it read. A changed limit forgets that
 * its notice was sent this period, so crossing the new limit notifies again.
 */
export async function save(scope: Scope, input: z.output<typeof BudgetInput>, now = new Date()) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await load(scope);
    const at = now.toISOString();
    const soft = input.softLimitUsd ? toMicros(input.softLimitUsd) : undefined;
    const hard = input.hardLimitUsd ? toMicros(input.hardLimitUsd) : undefined;
    const keepWarned = before && before.softLimitMicros === soft;
    const keepExceeded = before && before.hardLimitMicros === hard;
    const row: BudgetRow = {
      ...budgetKey(scope),
      type: "budget",
      tenantId: scope.tenantId,
      deploymentId: scope.deploymentId,
      period: input.period,
      softLimitMicros: soft,
      hardLimitMicros: hard,
      ...(keepWarned ? { warnedPeriod: before.warnedPeriod, warnedAt: before.warnedAt } : {}),
      ...(keepExceeded ? { exceededPeriod: before.exceededPeriod, exceededAt: before.exceededAt } : {}),
      budgetPk: "BUDGET",
      budgetSk: `${scope.tenantId}#${scope.deploymentId ?? "tenant"}`,
      version: (before?.version ?? 0) + 1,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    };
    try {
      await dynamo().send(
        new PutCommand({
          TableName: tableName(),
          Item: row,
          ConditionExpression: before ? "version = :v" : "attribute_not_exists(pk)",
          ExpressionAttributeValues: before ? { ":v": before.version } : undefined,
        }),
      );
      return row;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  throw new VisibleError("conflict", "budget.busy", "The budget changed while this request ran; retry it.");
}

export async function remove(scope: Scope) {
  try {
    await dynamo().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: budgetKey(scope),
        ConditionExpression: "attribute_exists(pk)",
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    throw new VisibleError("not_found", "budget.not_found", "There is no budget here.");
  }
}

/**
 * Records that a notice went out for this period. Conditional on the period not being marked
 * yet and on the limits being the ones checked (version), so one sweep wins and a limit
 * changed meanwhile is checked again on the next run.
 */
export async function mark(row: BudgetRow, kind: "warned" | "exceeded", period: string, at: string) {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: budgetKey(row),
        UpdateExpression: `SET ${kind}Period = :p, ${kind}At = :at`,
        ConditionExpression: `version = :v AND (attribute_not_exists(${kind}Period) OR ${kind}Period <> :p)`,
        ExpressionAttributeValues: { ":p": period, ":at": at, ":v": row.version },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Drops the budget of a deployment that no longer exists, unless it changed meanwhile. */
export async function drop(row: BudgetRow) {
  await dynamo()
    .send(
      new DeleteCommand({
        TableName: tableName(),
        Key: budgetKey(row),
        ConditionExpression: "version = :v",
        ExpressionAttributeValues: { ":v": row.version },
      }),
    )
    .catch((error) => {
      if (!isConditionFailure(error)) throw error;
    });
}

/** Every budget, tenant by tenant, from the sparse budgets index. */
export async function* all() {
  const { partitionKey } = table.indexes.budgets;
  yield* pages<BudgetRow>({
    TableName: tableName(),
    IndexName: "budgets",
    KeyConditionExpression: "#pk = :pk",
    ExpressionAttributeNames: { "#pk": partitionKey },
    ExpressionAttributeValues: { ":pk": "BUDGET" },
  });
}
