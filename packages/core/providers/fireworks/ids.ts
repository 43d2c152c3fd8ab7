import { createHash } from "node:crypto";

const MAX = 63;

/**
 * A Fireworks resource id from any text, deterministically: lowercase, `_` and other strays to
 * `-`, 1–63 chars, starting with a letter and not ending with `-`. Too long a name keeps its
 * start and gets a hash of the whole, so two long names stay distinct.
 */
export function resourceId(text: string): string {
  let id = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!/^[a-z]/.test(id)) id = `h-${id}`.replace(/-+$/, "");
  if (id.length <= MAX) return id;
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 8);
  return `${id.slice(0, MAX - 9).replace(/-+$/, "")}-${hash}`;
}

/** The model an upload for this deployment creates, so a later attempt finds it again. */
export function uploadModelId(deploymentId: string): string {
  return resourceId(`hangar-${deploymentId}`);
}

/** Core's display names (`hangar-<dep>` or `hangar-<dep>-<hardware>`) are unique per attempt, so they name the deployment. */
export function deploymentIdFor(displayName: string): string {
  return resourceId(displayName);
}

export const modelName = (account: string, id: string) => `accounts/${account}/models/${id}`;
export const deploymentName = (account: string, id: string) => `accounts/${account}/deployments/${id}`;

/** `accounts/a/deployments/d` → `d`. */
export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}

const FIREWORKS_NAME = /^accounts\/[a-z0-9-]+\/models\/[a-z0-9][a-z0-9-]*$/;
const BARE_ID = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * A model Fireworks already has: a full name (`accounts/fireworks/models/llama-v3p1-8b-instruct`,
 * or one of the account's own) or a bare id, short for `accounts/fireworks/models/<id>`.
 * Anything else (`hf://…`, `s3://…`, `https://…`, `Org/Repo`) is weights Hangar must push.
 */
export function fireworksModel(source: string): string | undefined {
  const trimmed = source.trim();
  if (FIREWORKS_NAME.test(trimmed)) return trimmed;
  if (BARE_ID.test(trimmed) && !trimmed.endsWith("-")) return `accounts/fireworks/models/${trimmed}`;
  return undefined;
}
