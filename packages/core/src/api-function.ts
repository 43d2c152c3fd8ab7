/**
 * The API function's time limit, shared by sst.config.ts (which deploys it with this) and the
 * code that holds requests (long polls, `Prefer: wait`): a held request ends well before the
 * limit, so its answer always gets out.
 */
export const apiFunction = { timeoutSeconds: 300, holdSeconds: 280 } as const;
