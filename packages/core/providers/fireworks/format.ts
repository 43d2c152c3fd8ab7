/** Proto Duration in JSON: whole seconds with an `s` suffix (`300s`), the form Fireworks echoes. */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`Invalid duration: ${seconds}`);
  return `${Math.round(seconds)}s`;
}

/** `"300s"`, `"1.5s"` → seconds; undefined for anything else. */
export function parseDuration(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match ? Number(match[1]) : undefined;
}

const snake = (path: string) =>
  path
    .split(".")
    .map((part) => part.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))
    .join(".");

/**
 * The `updateMask` query value for the fields a PATCH means to change, in snake_case
 * (`min_replica_count,autoscaling_policy.scale_to_zero_window`). Always sent: without it the
 * server may overwrite every mutable field with the body's (zero) values.
 */
export function updateMask(fields: readonly string[]): string {
  if (fields.length === 0) throw new Error("An update needs at least one field");
  return [...new Set(fields.map(snake))].join(",");
}

/** Dotted camelCase paths of the leaves set in `body`, for `updateMask`. */
export function fieldPaths(body: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(body).flatMap(([key, value]) => {
    if (value === undefined) return [];
    const path = prefix ? `${prefix}.${key}` : key;
    const nested = typeof value === "object" && value !== null && !Array.isArray(value);
    return nested ? fieldPaths(value as Record<string, unknown>, path) : [path];
  });
}
