/** The `rel="next"` target of an RFC 8288 `Link` header, as the Hub paginates its tree listing. */
export function nextLink(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(",") : header;
  if (!value) return undefined;
  for (const match of value.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const params = match[2] ?? "";
    const rel = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(params)?.[1];
    if (rel?.toLowerCase().split(/\s+/).includes("next")) return match[1];
  }
  return undefined;
}
