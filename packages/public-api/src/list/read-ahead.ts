/**
 * The next page of a walk in progress, read (and its response written) while the client is still
 * reading the current one. A client walking by cursor waits, per page, for the database and the
 * API and then parses what it got: done one after the other, the walk takes the sum of both.
 * Reading page n+1 as soon as page n is sent lets the two overlap. Only for walks (requests that came with a cursor), at most
 * `maxInFlight` reads at a time (each holds a pool connection), at most `maxPages` pages held,
 * and a page waits at most
 * `maxAgeMs` for its request: after that it is dropped and read afresh, so a client never gets
 * a page older than that from when it asked. A keyset walk returns every record that existed
 * throughout it whichever instant each page is read at, so reading one early keeps that promise.
 */
export class PageReadAhead<Page> {
  private readonly pages = new Map<string, { page: Promise<Page>; readAt: number }>();
  private inFlight = 0;

  constructor(
    private readonly maxInFlight = 4,
    private readonly maxPages = 16,
    private readonly maxAgeMs = 2_000,
  ) {}

  /** The page read ahead under `key` (taken: it is served once), or undefined. */
  take(key: string): Promise<Page> | undefined {
    const entry = this.pages.get(key);
    if (!entry) return undefined;
    this.pages.delete(key);
    return performance.now() - entry.readAt <= this.maxAgeMs ? entry.page : undefined;
  }

  /** Starts reading the page under `key` unless it is being read already or a limit is reached; its failure is only a miss. */
  readAhead(key: string, read: () => Promise<Page>): void {
    this.dropStale();
    if (this.inFlight >= this.maxInFlight || this.pages.size >= this.maxPages || this.pages.has(key)) return;
    this.inFlight++;
    const page = read().finally(() => {
      this.inFlight--;
    });
    // A failed read ahead is dropped: the client's own request reads the page and sees any error itself.
    page.catch(() => this.pages.delete(key));
    this.pages.set(key, { page, readAt: performance.now() });
  }

  private dropStale(): void {
    const now = performance.now();
    for (const [key, entry] of this.pages) if (now - entry.readAt > this.maxAgeMs) this.pages.delete(key);
  }
}
