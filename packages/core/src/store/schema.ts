/**
 * The single DynamoDB table, as data: sst.config.ts declares it on AWS and the local stack
 * creates it in DynamoDB Local from this same definition.
 *
 * Item collections (pk / sk):
 *   DEP#<id> / META            deployment (version-checked)
 *   DEP#<id> / EVT#<evt id>    state history, one item per change
 *   TEN#<tenant> / WHK#<id>    webhook subscription
 *   WHK#<id> / DLV#<id>        webhook delivery (per-subscription log)
 *   KEY#<sha256> / KEY         API key (hash only)
 *   TEN#<tenant>#NAME#<name> / NAME   a live deployment's name (deployment/name.ts)
 *   IDEM#<tenant>#<key> / IDEM idempotency record (expires by TTL)
 *   TEN#<tenant> / BUDGET      the tenant's budget
 *   DEP#<id> / BUDGET          a deployment's budget
 *
 * Sparse indexes hold only what is due, so sweeps cost what is due, not the fleet size.
 */
export const table = {
  partitionKey: "pk",
  sortKey: "sk",
  ttl: "expiresAt",
  indexes: {
    /** A tenant's deployments, newest id last. */
    byTenant: { partitionKey: "tenantPk", sortKey: "tenantSk" },
    /** In-flight deployments by next check time. Present only while in flight. */
    dueChecks: { partitionKey: "checkPk", sortKey: "checkAt" },
    /**
     * Deployments by the next instant a cost policy may act on them: an idle warning or stop, a
     * schedule edge, a delete after a long stop. Present only when some policy is pending.
     */
    duePolicy: { partitionKey: "policyPk", sortKey: "policyAt" },
    /** Budgets, grouped by tenant: the budget sweep reads only these, so it grows with budgets, not the fleet. */
    budgets: { partitionKey: "budgetPk", sortKey: "budgetSk" },
    /** A base deployment's adapters, while they are not deleted: how adapters follow their base. */
    byBase: { partitionKey: "basePk", sortKey: "baseSk" },
    /** Events whose webhooks have not been handed to the webhook queue yet. */
    outbox: { partitionKey: "outboxPk", sortKey: "outboxAt" },
  },
} as const;

export type IndexName = keyof typeof table.indexes;
