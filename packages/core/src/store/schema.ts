/**
 * The single DynamoDB table, as data: sst.config.ts declares it on AWS and the local stack
 * creates it in DynamoDB Local from this same definition.
 *
 * Every item type, its keys (pk / sk), and the file that owns its key builders; another domain
 * takes a key from that file, never spells it. TTL: items with `expiresAt` expire.
 *
 *   item (type)            pk / sk                              owner: key builders
 *   deployment             DEP#<id> / META                      deployment/keys.ts key (version-checked)
 *   state event (event)    DEP#<id> / EVT#<event id>            deployment/keys.ts eventKey
 *   provider event         DEP#<id> / PEV#<at>#<provider id>    deployment/keys.ts providerEventKey
 *   lease                  DEP#<id> / LEASE#<lease id>          deployment/keys.ts leaseKey (TTL)
 *   name                   TEN#<tenant>#NAME#<name> / NAME      deployment/keys.ts nameKey
 *   idempotency            IDEM#<tenant>#<key> / IDEM           deployment/keys.ts idempotencyKey (TTL, a day)
 *   budget                 DEP#<id> / BUDGET, TEN#<tenant> / BUDGET   budget/store.ts budgetKey
 *   settings               TEN#<tenant> / SETTINGS              tenant/settings.ts key
 *   apikey                 KEY#<sha256> / KEY                   apikey/row.ts keyItem (hash only)
 *   webhook (subscription) TEN#<tenant> / WHK#<id>              webhook/subscription.ts key
 *   delivery               WHK#<subscription> / DLV#<event id>  webhook/delivery.ts deliveryKey (TTL)
 *   usage sample           DEP#<id> / USAGE#<minute>            deployment/keys.ts usageKey (TTL, 8 days)
 *   activity account       ACT#<provider>#<account> / ACTIVITY  deployment/keys.ts activityAccountKey
 *   notice                 EVT#<event id> / NOTICE              webhook/notice.ts noticeKey (TTL)
 *   notice dedupe key      NTK#<tenant>#<key> / NTK             webhook/notice.ts dedupeKey (TTL, 30 days)
 *   durations (duration)   DUR#<provider>#<hardware>#<size>#<step kind> / DUR   timing/keys.ts durationKey
 *
 * Index attributes, set only on the items an index holds:
 *   byTenant   tenantPk TEN#<tenant>#DEP (deployments, deployment/keys.ts tenantPk)
 *              or TEN#<tenant>#KEY (API keys, apikey/row.ts tenantKeys); tenantSk the id
 *   dueChecks  checkPk CHECK, checkAt             deployments in flight (deployment/checks.ts)
 *   duePolicy  policyPk POLICY, policyAt          deployments a cost policy will act on (deployment/checks.ts)
 *   budgets    budgetPk BUDGET, budgetSk <tenant>#<deployment id|"tenant">   every budget (budget/store.ts)
 *   byBase     basePk BASE#<base id>, baseSk <id> adapters of a base, until deleted (deployment/checks.ts)
 *   serving    servingPk SERVING#<provider>, servingSk <id>   deployments whose endpoint serves (deployment/checks.ts)
 *   outbox     outboxPk OUTBOX, outboxAt          state events and notices not yet handed to the webhooks queue
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
    /** A provider's deployments whose endpoint serves: what one activity read per account covers. */
    serving: { partitionKey: "servingPk", sortKey: "servingSk" },
    /** Events whose webhooks have not been handed to the webhook queue yet. */
    outbox: { partitionKey: "outboxPk", sortKey: "outboxAt" },
  },
} as const;

export type IndexName = keyof typeof table.indexes;
