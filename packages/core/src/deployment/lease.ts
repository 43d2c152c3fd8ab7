import { DeleteCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import * as z from "zod";
import { VisibleError } from "../error";
import { isConditionFailure, tableName } from "../store";
import { dynamo } from "../util/aws";
import { fn } from "../util/fn";
import { createId, isId, shownId } from "../util/id";
import { key, LEASE_PREFIX, leaseKey } from "./keys";
import { mine } from "./query";
import { request } from "./request";

const MAX_MINUTES = 30 * 24 * 60;

export const LeaseInput = z
  .object({
    until: z.iso.datetime().optional().meta({ description: "Hold until this instant…" }),
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(MAX_MINUTES)
      .optional()
      .meta({ description: "…or for this long." }),
    reason: z.string().min(1).max(500),
  })
  .refine((l) => (l.until === undefined) !== (l.durationMinutes === undefined), {
    message: "Give either until or durationMinutes.",
  });

export const Lease = z
  .object({
    id: z.string(),
    deploymentId: z.string(),
    until: z.string(),
    reason: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Lease" });
export type Lease = z.infer<typeof Lease>;

type LeaseRow = Lease & { pk: string; sk: string; type: "lease"; expiresAt: number };

const toLease = ({ id, deploymentId, until, reason, createdAt }: LeaseRow): Lease => ({
  id,
  deploymentId,
  until,
  reason,
  createdAt,
});

async function active(deploymentId: string, now = new Date()): Promise<LeaseRow[]> {
  const result = await dynamo().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :lease)",
      ExpressionAttributeValues: { ":pk": key(deploymentId).pk, ":lease": LEASE_PREFIX },
    }),
  );
  return ((result.Items ?? []) as LeaseRow[]).filter((l) => l.until > now.toISOString());
}

/**
 * Writes the deployment's hold to the latest end among its leases, so the policy sweep (which
 * reads only the deployment) defers idle and scheduled stops until then.
 */
async function hold(deploymentId: string) {
  await request(deploymentId, async (row) => {
    const leases = await active(deploymentId);
    const until = leases.reduce<string | undefined>((m, l) => (!m || l.until > m ? l.until : m), undefined);
    return until === row.heldUntil ? undefined : { set: { heldUntil: until } };
  });
}

/** Keeps a deployment up (no idle or scheduled stop) until a time, for a reason. */
export const create = fn(LeaseInput, async (input, ref: string) => {
  const row = await mine(ref);
  const deploymentId = row.id;
  if (row.state === "deleting" || row.state === "deleted") {
    throw new VisibleError(
      "conflict",
      "deployment.invalid_state",
      `Cannot lease a deployment that is ${row.state}.`,
    );
  }
  const now = new Date();
  const until = input.until ?? new Date(now.getTime() + (input.durationMinutes ?? 0) * 60_000).toISOString();
  if (until <= now.toISOString() || Date.parse(until) - now.getTime() > MAX_MINUTES * 60_000) {
    throw new VisibleError("input", "lease.invalid_until", "A lease must end in the future, within 30 days.");
  }
  const id = createId("lease");
  const lease: LeaseRow = {
    ...leaseKey(deploymentId, id),
    type: "lease",
    id,
    deploymentId,
    until: new Date(until).toISOString(),
    reason: input.reason,
    createdAt: now.toISOString(),
    expiresAt: Math.floor(Date.parse(until) / 1000) + 86_400,
  };
  await dynamo().send(
    new PutCommand({ TableName: tableName(), Item: lease, ConditionExpression: "attribute_not_exists(pk)" }),
  );
  await hold(deploymentId);
  return toLease(lease);
});

export async function list(ref: string) {
  const { id: deploymentId } = await mine(ref);
  return (await active(deploymentId)).map(toLease);
}

/** Ends a lease early; the hold shrinks to the remaining leases, or ends. */
export async function release(ref: string, leaseId: string) {
  const { id: deploymentId } = await mine(ref);
  const notFound = () => new VisibleError("not_found", "lease.not_found", `No lease ${shownId(leaseId)}.`);
  if (!isId("lease", leaseId)) throw notFound();
  try {
    await dynamo().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: leaseKey(deploymentId, leaseId),
        ConditionExpression: "attribute_exists(pk)",
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw notFound();
    throw error;
  }
  await hold(deploymentId);
}
