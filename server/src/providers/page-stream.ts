import { type Page } from './music-provider.port';

/**
 * Reads a paged list one page at a time (e.g. a 10,000-track playlist), so at most one page is held in
 * memory; the caller processes and drops each page before the next is fetched.
 */
export async function* streamPages<T>(readPage: (cursor: string | null) => Promise<Page<T>>): AsyncGenerator<T[], void, undefined> {
  let cursor: string | null = null;
  const seen = new Set<string>();
  for (;;) {
    const page: Page<T> = await readPage(cursor);
    yield page.items;
    if (!page.next || seen.has(page.next)) return; // a service repeating a cursor must not loop forever
    seen.add(page.next);
    cursor = page.next;
  }
}
