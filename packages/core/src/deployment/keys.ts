/**
 * Where the deployment domain's items live in the table (store/schema.ts lists every item type).
 * This file imports nothing, so another domain that reads these items takes their keys from here
 * without pulling the deployment domain into its bundle.
 */
export const key = (id: string) => ({ pk: `DEP#${id}`, sk: "META" as const });

/** `byTenant` partition of a tenant's deployments. */
export const tenantPk = (tenantId: string) => `TEN#${tenantId}#DEP`;

/** A deployment's state history, in its item collection, sorted by event id (time). */
export const EVENT_PREFIX = "EVT#";
export const eventKey = (deploymentId: string, eventId: string) => ({
  pk: `DEP#${deploymentId}`,
  sk: `${EVENT_PREFIX}${eventId}`,
});

/** The provider's own events for the deployment's endpoints, sorted by when the provider recorded them. */
export const PROVIDER_EVENT_PREFIX = "PEV#";
export const providerEventKey = (deploymentId: string, at: string, eventId: string) => ({
  pk: `DEP#${deploymentId}`,
  sk: `${PROVIDER_EVENT_PREFIX}${at}#${eventId}`,
});

export const LEASE_PREFIX = "LEASE#";
export const leaseKey = (deploymentId: string, id: string) => ({
  pk: `DEP#${deploymentId}`,
  sk: `${LEASE_PREFIX}${id}`,
});

/** A live deployment's name, unique per tenant (deployment/name.ts). */
export const nameKey = (tenantId: string, name: string) => ({
  pk: `TEN#${tenantId}#NAME#${name}`,
  sk: "NAME" as const,
});

/** A create's Idempotency-Key, kept for a day. */
export const idempotencyKey = (tenantId: string, key: string) => ({
  pk: `IDEM#${tenantId}#${key}`,
  sk: "IDEM" as const,
});

/** `byBase` partition of a base deployment's adapters. */
export const basePk = (baseId: string) => `BASE#${baseId}`;

/** The one partition of each sparse due-index: present on a deployment only while it is due. */
export const CHECK_PK = "CHECK";
export const POLICY_PK = "POLICY";

/** A deployment's provider-measured usage, one item per minute (TTL ~8 days), for its metrics. */
export const USAGE_PREFIX = "USAGE#";
export const usageKey = (deploymentId: string, minute: string) => ({
  pk: `DEP#${deploymentId}`,
  sk: `${USAGE_PREFIX}${minute}`,
});

/** One provider account's activity reads: the minute last claimed, the last good read, an outage. */
export const activityAccountKey = (provider: string, account: string) => ({
  pk: `ACT#${provider}#${account}`,
  sk: "ACTIVITY" as const,
});

/** `serving` partition: a provider's deployments whose endpoint serves (activity reads cover these). */
export const servingPk = (provider: string) => `SERVING#${provider}`;
