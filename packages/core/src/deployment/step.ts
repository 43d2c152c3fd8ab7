import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { Config } from "../config";
import { TransitionConflict } from "../error";
import type { Provider } from "../provider";
import { ProviderError } from "../provider/error";
import { useProvider } from "../provider/lookup";
import { enqueueJob } from "../queue";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { log } from "../util/log";
import { WeightsError } from "../weights";
import { advance } from "./advance";
import { isChecked } from "./checks";
import { dispatch } from "./dispatch";
import { learn, pace } from "./pace";
import { key, type Row } from "./row";
import { type Change, commit, load } from "./write";

export type StepResult = "done" | "stale" | "busy" | "retry" | "failed";

/**
 * Runs one step for a `deployment.step` job.
 *
 * Timeline that makes duplicates safe:
 *   1. the job's checkId must still be the deployment's (else stale: a newer chain exists);
 *   2. a lease for this checkId is claimed with a conditional write (else busy: a copy of this
 *      job is running);
 *   3. the provider is called;
 *   4. the outcome is committed on condition the checkId is unchanged, and the next step enqueued.
 * A crash between 3 and 4 leaves the checkId as it was, so a redelivery repeats 3, where every
 * action first looks for what an earlier attempt did.
 *
 * The lease binds only copies of the same job (same checkId). A request replaces the checkId,
 * so the new chain acts at once instead of waiting out a lease whose holder can no longer
 * commit; that holder's provider call may still land, so when it ends it asks the new chain to
 * look again at once (`lookAgain`), and the phases converge whatever they find to the desired side.
 */
export async function step(
  job: { deploymentId: string; checkId: string },
  options: { provider?: Provider; now?: Date } = {},
): Promise<StepResult> {
  const now = options.now ?? new Date();
  const row = await load(job.deploymentId);
  if (!row || row.checkId !== job.checkId || !isChecked(row.state)) return "stale";
  log.appendKeys({ tenantId: row.tenantId });
  const leased = await claim(row, now);
  if (!leased) return "busy";
  const provider = options.provider ?? (await useProvider(row.provider));
  try {
    const change = await advance(leased, provider, { heartbeat: (set) => heartbeat(leased, set) });
    const committed = await commitStep(leased, await pace(leased, change), job.checkId);
    await dispatch(committed);
    await learn(leased, committed.row);
    return "done";
  } catch (error) {
    if (error instanceof TransitionConflict) return lookAgain(leased);
    const failure = expected(leased, error);
    if (failure) return failed(leased, job.checkId, failure);
    await release(leased);
    throw error;
  }
}

/**
 * Commits a step's outcome. If only the version moved meanwhile (a lease, a notice, a setting:
 * writers that leave the state and the step chain alone), the same change is applied to the
 * fresh row; anything else means the step lost and its outcome is dropped.
 */
async function commitStep(row: Row, change: Omit<Change, "guard">, checkId: string) {
  let current = row;
  for (let attempt = 0; ; attempt++) {
    try {
      return await commit(current, { ...change, guard: { version: current.version, checkId } });
    } catch (error) {
      if (!(error instanceof TransitionConflict) || attempt >= 3) throw error;
      const fresh = await load(row.id);
      if (!fresh || fresh.checkId !== checkId || fresh.state !== row.state) throw error;
      current = fresh;
    }
  }
}

/**
 * This step lost to a newer chain after it may have acted at the provider: the new chain's
 * next look may have come before that action landed, so it is asked to look again now. A copy
 * of a job already queued is harmless (lease and checkId), so this may double one.
 */
async function lookAgain(row: Row): Promise<StepResult> {
  const fresh = await load(row.id).catch(() => undefined);
  if (fresh?.checkId && fresh.checkId !== row.checkId && isChecked(fresh.state)) {
    await enqueueJob({ type: "deployment.step", deploymentId: fresh.id, checkId: fresh.checkId }).catch(
      (error) => log.warn("look-again step not enqueued", { deploymentId: row.id, error }),
    );
  }
  return "stale";
}

async function claim(row: Row, now: Date): Promise<Row | undefined> {
  const leaseUntil = new Date(now.getTime() + Config.stepLeaseSeconds() * 1000).toISOString();
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key(row.id),
        // The check moves past the lease too, so the poller leaves a leased step alone.
        UpdateExpression: "SET leaseUntil = :until, leaseFor = :check, checkAt = :until",
        // A lease held for another checkId belongs to a replaced chain, which can no longer commit.
        ConditionExpression:
          "checkId = :check AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now OR leaseFor <> :check)",
        ExpressionAttributeValues: { ":until": leaseUntil, ":check": row.checkId, ":now": now.toISOString() },
      }),
    );
    return { ...row, leaseUntil, leaseFor: row.checkId, checkAt: leaseUntil };
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/**
 * Renews the lease during long work (a multi-gigabyte file transfer) and records progress with
 * it. Guarded by the checkId, so it can never write over a newer change; it never throws, since
 * a missed renewal only risks a duplicate that the lease and checkId make harmless.
 */
async function heartbeat(row: Row, set: Partial<Row> = {}) {
  const leaseUntil = new Date(Date.now() + Config.stepLeaseSeconds() * 1000).toISOString();
  const fields = { ...set, leaseUntil, checkAt: leaseUntil };
  const names = Object.keys(fields);
  await dynamo()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key(row.id),
        UpdateExpression: `SET ${names.map((_, i) => `#h${i} = :h${i}`).join(", ")}`,
        ConditionExpression: "checkId = :check AND leaseFor = :check",
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#h${i}`, n])),
        ExpressionAttributeValues: {
          ...Object.fromEntries(Object.values(fields).map((v, i) => [`:h${i}`, v])),
          ":check": row.checkId,
        },
      }),
    )
    .catch((error) => log.warn("lease not renewed", { deploymentId: row.id, error }));
}

/** Lets a redelivery of the same job run at once, instead of waiting out the lease. */
async function release(row: Row) {
  await dynamo()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key(row.id),
        UpdateExpression: "REMOVE leaseUntil, leaseFor",
        ConditionExpression: "checkId = :check AND leaseFor = :check",
        ExpressionAttributeValues: { ":check": row.checkId },
      }),
    )
    .catch((error) => log.warn("lease not released; it will expire", { deploymentId: row.id, error }));
}

type Failure = { retryable: boolean; code: string; message: string };

/** Provider errors and errors moving the weights from their source: the two kinds a step expects. */
function expected(row: Row, error: unknown): Failure | undefined {
  if (error instanceof ProviderError) {
    const code = error.code ? `provider.${error.code}` : `provider.${error.status ?? "error"}`;
    return {
      retryable: error.retryable,
      code,
      message: `${row.provider} rejected the request: ${error.message}`,
    };
  }
  if (error instanceof WeightsError) {
    return {
      retryable: error.retryable,
      code: error.code,
      message: `Reading ${row.model.source} failed: ${error.message}`,
    };
  }
  return undefined;
}

/**
 * A retryable failure (after the client's own retries) means "look again later"; a permanent
 * one fails the deployment with a message that says what to fix.
 */
async function failed(row: Row, checkId: string, failure: Failure): Promise<StepResult> {
  const at = new Date().toISOString();
  const lastError = { code: failure.code, message: failure.message, at };
  log.warn("step failed", { deploymentId: row.id, state: row.state, ...failure });
  try {
    if (failure.retryable) {
      await dispatch(await commitStep(row, { set: { checks: row.checks + 1, lastError } }, checkId));
      return "retry";
    }
    const change = {
      to: "failed" as const,
      reason: failure.code,
      message: failure.message,
      set: { lastError },
    };
    await dispatch(await commitStep(row, change, checkId));
    return "failed";
  } catch (inner) {
    if (inner instanceof TransitionConflict) return lookAgain(row);
    throw inner;
  }
}
