/**
 * The list `filter` language (reference §1.5), the part a simulator needs: `field op value`
 * clauses over `name`, `state`, `model`, `created_at`, `updated_at`, joined by AND / OR (AND binds
 * tighter), each optionally negated with NOT. `=` takes `*` as a prefix/suffix wildcard, `:` is
 * a substring match, `< <= > >=` compare times. Anything else is `invalid filter expression`.
 */
export type Fields = Record<string, string[] | number | undefined>;
type Clause = { not: boolean; field: string; op: string; value: string };
export type ListFilter = Clause[][];

const CLAUSE =
  /^(NOT\s+)?(name|state|model|created_at|updated_at)\s*(!=|<=|>=|=|<|>|:)\s*("(?:[^"\\]|\\.)*"|[^\s"]+)$/;

export function parseListFilter(raw: string | undefined): ListFilter | undefined | "invalid" {
  if (raw === undefined || raw.trim() === "") return undefined;
  const groups: ListFilter = [];
  for (const part of raw.trim().split(/\s+OR\s+/)) {
    const group: Clause[] = [];
    for (const text of part.split(/\s+AND\s+/)) {
      const m = CLAUSE.exec(text.trim());
      if (!m) return "invalid";
      const value = (m[4] ?? "").startsWith('"') ? JSON.parse(m[4] ?? '""') : (m[4] ?? "");
      group.push({ not: Boolean(m[1]), field: m[2] ?? "", op: m[3] ?? "=", value });
    }
    groups.push(group);
  }
  return groups;
}

function glob(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*");
  return new RegExp(`^${escaped}$`);
}

function test(clause: Clause, fields: Fields): boolean {
  const actual = fields[clause.field];
  if (typeof actual === "number") {
    const wanted = Date.parse(clause.value);
    const ops: Record<string, boolean> = {
      "=": actual === wanted,
      "!=": actual !== wanted,
      "<": actual < wanted,
      "<=": actual <= wanted,
      ">": actual > wanted,
      ">=": actual >= wanted,
    };
    return ops[clause.op] ?? false;
  }
  const values = actual ?? [];
  if (clause.op === ":") return values.some((v) => v.includes(clause.value));
  if (clause.op === "=") return values.some((v) => glob(clause.value).test(v));
  if (clause.op === "!=") return !values.some((v) => glob(clause.value).test(v));
  return false;
}

export function matchesFilter(filter: ListFilter | undefined, fields: Fields): boolean {
  if (!filter) return true;
  return filter.some((group) => group.every((clause) => test(clause, fields) !== clause.not));
}

/** `created_at`, `updated_at desc`, …; newest first when absent. Undefined when it isn't one. */
export function parseOrderBy(
  raw: string | undefined,
): { field: "createdAt" | "updatedAt"; desc: boolean } | undefined {
  if (raw === undefined || raw.trim() === "") return { field: "createdAt", desc: true };
  const m = /^(created_at|updated_at)(?:\s+(asc|desc))?$/.exec(raw.trim());
  if (!m) return undefined;
  return { field: m[1] === "updated_at" ? "updatedAt" : "createdAt", desc: m[2] === "desc" };
}

export function sortBy<T extends { createdAt: number; updatedAt: number }>(
  items: T[],
  order: { field: "createdAt" | "updatedAt"; desc: boolean },
): T[] {
  return [...items].sort((a, b) =>
    order.desc ? b[order.field] - a[order.field] : a[order.field] - b[order.field],
  );
}
