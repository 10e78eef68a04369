/**
 * A stream's pages with the next one already asked for while the caller maps and writes the
 * current one. Against a provider that takes a few hundred milliseconds a page, a chain then
 * costs one round trip a page rather than a round trip plus our work on it. Holds one page
 * more per chain; a cursor chain still has one request in flight at a time. The first page is
 * asked for at once: a caller that gives up before reading calls `abandon` on the result.
 */
export function readAhead<T>(pages: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const iterator = pages[Symbol.asyncIterator]();
  // The first page is asked for now, while the caller still prepares (its own queries).
  const first = iterator.next();
  first.catch(() => {});
  return follow(iterator, first);
}

async function* follow<T>(iterator: AsyncIterator<T>, first: Promise<IteratorResult<T>>): AsyncGenerator<T, void, undefined> {
  let next = first;
  let finished = false;
  try {
    for (;;) {
      const result = await next;
      if (result.done) {
        finished = true;
        return;
      }
      next = iterator.next();
      // Settled by the next turn or by the clean-up below; never an unhandled rejection meanwhile.
      next.catch(() => {});
      yield result.value;
    }
  } finally {
    if (!finished) {
      // The caller stopped early (an abort, a failure, the last page): let the request in flight
      // settle, then close the connector's generator so its own clean-up runs.
      const pending = await next.then(
        (result) => result,
        () => ({ done: true as const, value: undefined }),
      );
      if (!pending.done) await iterator.return?.();
    }
  }
}

/** A stream's pages one at a time, each asked for only when the caller wants it: no page held ahead. */
export async function* inTurn<T>(pages: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  yield* pages;
}

/** Closes a read-ahead nobody will read: waits for the page already asked for, then ends the chain. */
export async function abandon(pages: AsyncGenerator<unknown, void, undefined>): Promise<void> {
  await pages.next().catch(() => {});
  await pages.return();
}
