/**
 * Like Promise.all for things that must be cleaned up: waits for every start to settle, hands
 * each one that succeeded to `keep` (so a failure elsewhere never leaks a started process),
 * then throws the first failure.
 */
export async function allStarted<T extends unknown[]>(
  starts: { [K in keyof T]: Promise<T[K]> },
  keep: (started: T[number]) => void,
): Promise<T> {
  const settled = await Promise.allSettled(starts);
  for (const s of settled) if (s.status === "fulfilled") keep(s.value);
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as T;
}

/** Runs `fn` over items, `concurrency` at a time, in order of index. */
export async function inParallel<T>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await fn(items[index] as T, index);
      }
    }),
  );
}
