/** `updateMask=autoscaling.minReplicas,autoscaling.maxReplicas` → the paths; undefined when absent. */
export function parseMask(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const paths = raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  return paths.length ? paths : undefined;
}

/** Without a mask, the populated top-level fields of the body (but never the etag) are the update. */
export function populated(body: Record<string, unknown>): string[] {
  return Object.keys(body).filter((k) => k !== "etag" && body[k] !== undefined);
}

/** True when `path` or one of its parents (or children) is in the mask. */
export function touches(paths: string[], field: string): boolean {
  return paths.some((p) => p === field || p.startsWith(`${field}.`) || field.startsWith(`${p}.`));
}
