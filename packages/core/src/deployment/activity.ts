import type { z } from "zod";
import type { Provider, ProviderName, UsageSample } from "../provider";
import { registeredFacts, usageAccount, useProvider } from "../provider/lookup";
import { enqueueJobs } from "../queue";
import type { ProviderActivity } from "../queue/jobs";
import { queryAll, table, tableName } from "../store";
import { log } from "../util/log";
import { servingPk } from "./keys";
import { lookWhereFeedsChanged } from "./provider-events";
import { apiVersionOf, type Row } from "./row";
import { touch } from "./touch";
import { claimMinute, minuteOf, putSamples, readFailed, readSucceeded } from "./usage-store";

/** Each read covers the minute before it: the provider's rates are over 1-minute windows. */
const WINDOW_MS = 60_000;

/** The cron's part: one activity job per provider account that measures usage, for this minute. */
export async function enqueueActivityReads(now = new Date()) {
  const at = minuteOf(now.toISOString());
  const jobs = registeredFacts().flatMap((facts) => {
    const account = facts.usage?.account();
    return account ? [{ type: "provider.activity" as const, provider: facts.name, account, at }] : [];
  });
  if (jobs.length) await enqueueJobs(jobs);
  return { enqueued: jobs.length };
}

async function servingRows(provider: ProviderName) {
  const { partitionKey } = table.indexes.serving;
  return queryAll<Row>({
    TableName: tableName(),
    IndexName: "serving",
    KeyConditionExpression: "#pk = :pk",
    ExpressionAttributeNames: { "#pk": partitionKey },
    ExpressionAttributeValues: { ":pk": servingPk(provider) },
  });
}

export type ActivityResult = "skipped" | "idle_fleet" | "failed" | "read";

/**
 * The worker's part: reads what the provider measured of every serving deployment of the account
 * in one call, stores the samples, and records provider activity where there was traffic. A read
 * that fails leaves the account's activity unknown (the idle policy then stops nobody that relies
 * on it) and is not retried: the claim allows one read a minute, and the next minute reads again.
 * The first good read after a failure counts as activity for every deployment: what happened in
 * the outage is unknown, so the idle clock restarts rather than guessing. The providers' events
 * feeds are read on the same pass, so a change the provider made is looked at within a minute.
 */
export async function readActivity(job: z.output<typeof ProviderActivity>): Promise<ActivityResult> {
  const rows = (await servingRows(job.provider)).filter(
    (r) => r.endpointId && r.state !== "deleted" && usageAccount(r.provider, apiVersionOf(r)) === job.account,
  );
  if (!rows.length) return "idle_fleet";
  const claim = await claimMinute(job.provider, job.account, job.at);
  if (!claim.claimed) return "skipped";
  const provider = await useProvider(job.provider);
  const result = await readUsage(job, rows, provider, claim.before.failingSince !== undefined);
  const changed = await lookWhereFeedsChanged(rows, provider);
  if (changed.length) log.info("provider events: looking again now", { deploymentIds: changed });
  return result;
}

async function readUsage(
  job: z.output<typeof ProviderActivity>,
  rows: Row[],
  provider: Provider,
  recovered: boolean,
): Promise<ActivityResult> {
  const to = job.at;
  const from = new Date(Date.parse(to) - WINDOW_MS).toISOString();
  let samples: UsageSample[];
  try {
    if (!provider.usage) return "skipped";
    samples = await provider.usage({
      endpoints: rows.map((r) => ({ id: r.endpointId as string, name: r.endpointName ?? "" })),
      from,
      to,
    });
  } catch (error) {
    const e = error as Error & { code?: string };
    log.warn("provider activity unreadable", { provider: job.provider, error: e.message });
    await readFailed(job.provider, job.account, {
      code: e.code ?? "unreadable",
      message: e.message,
      at: to,
    });
    return "failed";
  }
  const byEndpoint = new Map(samples.map((s) => [s.endpointId, s]));
  const stored = rows.flatMap((row) => {
    const s = byEndpoint.get(row.endpointId as string);
    return s ? [{ deploymentId: row.id, sample: { ...withoutId(s), at: to } }] : [];
  });
  await putSamples(stored);
  for (const row of rows) {
    if (recovered || (byEndpoint.get(row.endpointId as string)?.requests ?? 0) > 0)
      await touch(row, new Date(to), "provider");
  }
  await readSucceeded(job.provider, job.account, to);
  return "read";
}

const withoutId = <T extends { endpointId: string }>({ endpointId: _, ...rest }: T) => rest;
