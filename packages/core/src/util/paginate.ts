/** Enough for any real listing (Fireworks pages of 200: 20,000 items); a server that never ends is broken. */
export const MAX_PAGES = 100;

export type Page<T> = { items: T[]; next?: string };

/**
 * Every item of a paginated listing, following `next` (a page token or a next URL) until a page
 * has none. A server that repeats a token, or keeps paging past `maxPages`, would otherwise hold
 * a worker in a loop of requests; both end in the error `fail` builds (the caller's own kind,
 * non-retryable: asking again would loop again), saying what happened.
 */
export async function collectPages<T>(
  fetchPage: (next: string | undefined) => Promise<Page<T>>,
  options: { source: string; what: string; maxPages?: number; fail: (message: string) => Error },
): Promise<T[]> {
  const maxPages = options.maxPages ?? MAX_PAGES;
  const { fail } = options;
  const items: T[] = [];
  const seen = new Set<string>();
  let next: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(next);
    items.push(...page.items);
    if (!page.next) return items;
    if (seen.has(page.next)) {
      throw fail(
        `${options.source} repeated a page token while listing ${options.what}; stopped after ${pages} pages.`,
      );
    }
    if (pages >= maxPages) {
      throw fail(`${options.source} listed ${options.what} past ${maxPages} pages without an end; stopped.`);
    }
    seen.add(page.next);
    next = page.next;
  }
}
