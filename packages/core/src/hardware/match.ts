import { distance } from "fastest-levenshtein";

/**
 * `1x_nvidia_h100_80gb_sxm` → `1x`, `nvidia`, `h100`, `80gb`, `sxm`; `h100-80gb` splits the same
 * way, and so does Together v2's `1xnvidia-h100-80gb` (its count runs into the vendor).
 */
const tokens = (id: string) =>
  id
    .toLowerCase()
    .replace(/^(\d+x)(?=[a-z])/, "$1 ")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * The ids most like `wanted`, best first: most tokens in common (`1x_h100` shares `1x` and
 * `h100` with `1x_nvidia_h100_80gb_sxm`), then fewest edits. Ids sharing no token and needing
 * more edits than half their length are not suggested at all.
 */
export function closeMatches(wanted: string, ids: readonly string[], limit = 3): string[] {
  const mine = new Set(tokens(wanted));
  return ids
    .map((id) => ({
      id,
      shared: tokens(id).filter((t) => mine.has(t)).length,
      edits: distance(wanted.toLowerCase(), id.toLowerCase()),
    }))
    .filter((c) => c.shared > 0 || c.edits <= Math.max(wanted.length, c.id.length) / 2)
    .sort((a, b) => b.shared - a.shared || a.edits - b.edits || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((c) => c.id);
}
